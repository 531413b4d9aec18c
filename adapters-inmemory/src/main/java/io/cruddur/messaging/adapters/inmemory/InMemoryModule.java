package io.cruddur.messaging.adapters.inmemory;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import jakarta.inject.Singleton;

/**
 * Both ports in memory, for a Dagger component. Needs nothing from outside. Pattern E is not
 * wired here: subscribe the refresh to {@link InMemoryMessagingPort#subscribe} once the facade
 * exists.
 */
@Module
public abstract class InMemoryModule {
    private InMemoryModule() {
    }

    @Provides
    @Singleton
    static InMemoryMessagingPort storage() {
        return new InMemoryMessagingPort();
    }

    @Provides
    @Singleton
    static InMemoryUserDirectory directory() {
        return new InMemoryUserDirectory();
    }

    @Binds
    abstract MessagingPort messages(InMemoryMessagingPort storage);

    @Binds
    abstract UserDirectoryPort users(InMemoryUserDirectory directory);
}
