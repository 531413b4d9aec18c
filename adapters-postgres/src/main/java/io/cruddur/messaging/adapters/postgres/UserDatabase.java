package io.cruddur.messaging.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Setting up the user database: the connection pool, the schema migrations (Flyway, from
 * {@code db/migration} on the classpath) and the demo users for local use.
 */
public final class UserDatabase {
    /**
     * Demo users for local use: the reference's seed handles, so its docs and scripts work here,
     * with names and e-mails of our own. None has a Cognito id until one is assigned.
     */
    public static final List<NewUser> DEMO_USERS = List.of(
            demo("andrewbrown", "Drew Brown"),
            demo("bayko", "Bay Kovac"),
            demo("londo", "Londo Reyes"),
            demo("altair", "Altair Nakamura"),
            demo("sinclair", "Jeff Sinclair"));
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    private UserDatabase() {
    }

    /** A connection pool; close it when the process ends. */
    public static HikariDataSource pool(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cruddur-users");
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        return new HikariDataSource(config);
    }

    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }

    /** Brings the schema up to date; returns how many migrations ran (0 when it already was). */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** Adds the demo users that are missing (by handle, regardless of case); returns how many it added. */
    public static int seedDemoUsers(Jdbi jdbi) {
        try {
            return jdbi.inTransaction(database -> {
                int added = 0;
                for (NewUser user : DEMO_USERS) {
                    added += database.createUpdate("INSERT INTO users (handle, display_name, email) "
                                    + "VALUES (:handle, :displayName, :email) ON CONFLICT ((lower(handle))) DO NOTHING")
                            .bind("handle", user.handle().value())
                            .bind("displayName", user.displayName())
                            .bind("email", user.email())
                            .execute();
                }
                return added;
            });
        } catch (JdbiException failure) {
            throw DirectoryErrors.translate(failure);
        }
    }

    private static NewUser demo(String handle, String displayName) {
        return new NewUser(new Handle(handle), displayName, handle + "@example.org", Optional.empty());
    }
}
