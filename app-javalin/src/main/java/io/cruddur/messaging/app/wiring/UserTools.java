package io.cruddur.messaging.app.wiring;

import com.zaxxer.hikari.HikariDataSource;
import dagger.BindsInstance;
import dagger.Component;
import io.cruddur.messaging.adapters.postgres.PostgresModule;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import jakarta.inject.Singleton;

/**
 * What the operator commands do with the user database, wired as the hosts are: the PostgreSQL
 * adapter's module on one pool, closed with the component.
 */
@Singleton
@Component(modules = PostgresModule.class)
public interface UserTools extends AutoCloseable {
    UserDirectoryPort users();

    UserAdministrationPort administration();

    /** For migrations, which Flyway runs on the pool itself. */
    HikariDataSource pool();

    /** Opens the pool at once, so a database that cannot be reached fails here, before anything needs closing. */
    static UserTools create(PostgresSettings database) {
        UserTools tools = DaggerUserTools.factory().create(database);
        tools.pool();
        return tools;
    }

    @Override
    default void close() {
        pool().close();
    }

    @Component.Factory
    interface Factory {
        UserTools create(@BindsInstance PostgresSettings database);
    }
}
