package io.cruddur.messaging.adapters.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;

/**
 * The PostgreSQL user directory for a Dagger component: one pool per component, and the changes
 * of users its triggers tell of. Needs a {@link PostgresSettings} from outside
 * ({@code @BindsInstance}); close the pool and the {@link PostgresUserChanges} at shutdown.
 * Another module may bind a {@link SqlLogger}, which then sees every statement.
 */
@Module
public abstract class PostgresModule {
    private PostgresModule() {
    }

    @Provides
    @Singleton
    static HikariDataSource pool(PostgresSettings settings) {
        return UserDatabase.pool(settings);
    }

    @Provides
    @Singleton
    static Jdbi jdbi(HikariDataSource pool, Optional<SqlLogger> logger) {
        Jdbi jdbi = UserDatabase.jdbi(pool);
        logger.ifPresent(jdbi::setSqlLogger);
        return jdbi;
    }

    @Provides
    @Singleton
    static PostgresUserDirectory directory(Jdbi jdbi) {
        return new PostgresUserDirectory(jdbi);
    }

    @Binds
    abstract UserDirectoryPort users(PostgresUserDirectory directory);

    @Binds
    abstract UserAdministrationPort administration(PostgresUserDirectory directory);

    @Provides
    @Singleton
    static PostgresUserChanges userChanges(PostgresSettings settings) {
        return PostgresUserChanges.on(settings);
    }

    @Binds
    abstract UserChanges changes(PostgresUserChanges changes);

    @BindsOptionalOf
    abstract SqlLogger sqlLogger();
}
