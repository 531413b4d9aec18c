package io.cruddur.messaging.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.adapters.inmemory.InMemoryNewsBus;
import io.cruddur.messaging.core.port.NewsBus;
import jakarta.inject.Singleton;

/** News of new messages within this one process: for the deployments that run a single host. */
@Module
final class LocalNewsModule {
    private LocalNewsModule() {
    }

    @Provides
    @Singleton
    static NewsBus news() {
        return new InMemoryNewsBus();
    }
}
