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

    /**
     * A connection pool; close it when the process ends.
     *
     * @param settings where the database is, and the most connections to open
     * @return a HikariCP pool named {@code cruddur-users}, waiting at most 3 s for a connection
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when the first
     *         connection cannot be opened
     */
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

    /**
     * {@return Jdbi over {@code dataSource}, for a {@link PostgresUserDirectory}}
     *
     * @param dataSource the database, usually the {@link #pool}
     */
    public static Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }

    /**
     * Brings the schema up to date; returns how many migrations ran (0 when it already was).
     *
     * @param dataSource the database, with a user allowed to create tables, functions and triggers
     * @return how many migrations ran
     * @throws org.flywaydb.core.api.FlywayException when a migration fails, or the database's
     *         migration history does not match the migrations on the classpath
     */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
