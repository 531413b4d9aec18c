package io.cruddur.messaging.adapters.inmemory;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import jakarta.inject.Singleton;

/**
 * Both ports in memory, for a Dagger component, and the store's own feed of new messages (pattern
 * E runs synchronously on the writer's thread). Needs nothing from outside.
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

    @Binds
    abstract UserAdministrationPort administration(InMemoryUserDirectory directory);

    @Provides
    @Singleton
    static NewMessageFeed newMessages(InMemoryMessagingPort storage) {
        return storage.feed();
    }
}
