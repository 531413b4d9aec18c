package io.cruddur.messaging.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.cruddur.messaging.adapters.inmemory.InMemoryModule;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.http.HttpApi;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.usecase.Messaging;
import jakarta.inject.Singleton;

/** The memory deployment: both ports in memory, the host's own tokens. */
@Singleton
@Component(modules = {InMemoryModule.class, HostModule.class, LocalIssuerModule.class, LocalNewsModule.class})
public interface MemoryHost {
    HttpApi http();

    Messaging messaging();

    NewMessageFeed newMessageFeed();

    static MemoryHost create(HostConfig config) {
        return DaggerMemoryHost.factory().create(config);
    }

    @Component.Factory
    interface Factory {
        MemoryHost create(@BindsInstance HostConfig config);
    }
}
