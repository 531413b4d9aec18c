package io.cruddur.messaging.adapters.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.core.port.NewsBus;
import jakarta.inject.Singleton;

/**
 * News between the hosts of a fleet over the user database's {@code LISTEN}/{@code NOTIFY}, for a
 * Dagger component that also has {@link PostgresModule}. Close the bus at shutdown.
 */
@Module
public abstract class PostgresNewsModule {
    private PostgresNewsModule() {
    }

    @Provides
    @Singleton
    static PostgresNewsBus bus(PostgresSettings settings, HikariDataSource pool) {
        return PostgresNewsBus.on(settings, pool);
    }

    @Binds
    abstract NewsBus news(PostgresNewsBus bus);
}
