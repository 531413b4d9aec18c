package io.cruddur.messaging.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Setting up the user database: the connection pool, the schema migrations (Flyway, from
 * {@code db/migration} on the classpath).
 */
public final class UserDatabase {
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
}
