package io.cruddur.messaging.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.kcl.KclSettings;
import io.cruddur.messaging.adapters.dynamodb.kcl.KclStreamWorker;
import io.cruddur.messaging.core.port.NewMessageFeed;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * New messages for a host of a fleet: with {@code serve --stream-worker}, this host is one of the
 * table's KCL stream workers; without it the host reads no stream at all (another host, or the
 * Lambda, keeps the rows current).
 */
@Module
final class StreamWorkerModule {
    private StreamWorkerModule() {
    }

    @Provides
    @Singleton
    static NewMessageFeed newMessages(Optional<KclSettings> streamWorker, DynamoDbSettings table) {
        return streamWorker.<NewMessageFeed>map(settings -> new KclStreamWorker(table, settings))
                .orElseGet(NewMessageFeed::none);
    }
}
