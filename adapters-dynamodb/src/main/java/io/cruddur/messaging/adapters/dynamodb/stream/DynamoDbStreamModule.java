package io.cruddur.messaging.adapters.dynamodb.stream;

import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbModule;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The table's stream for a single process, beside {@link DynamoDbModule} in a Dagger component:
 * a streams client (with the same interceptors) and the poller, which the component may bind as
 * its {@link io.cruddur.messaging.core.port.NewMessageFeed}.
 */
@Module
public abstract class DynamoDbStreamModule {
    private static final Duration POLLER_MAX_IDLE_WAIT = Duration.ofMillis(100);

    private DynamoDbStreamModule() {
    }

    @Provides
    @Singleton
    static DynamoDbStreamsClient streams(DynamoDbSettings settings, Set<ExecutionInterceptor> interceptors) {
        return DynamoDbClients.streams(settings, interceptors.toArray(ExecutionInterceptor[]::new));
    }

    @Provides
    @Singleton
    static DynamoDbStreamPoller poller(DynamoDbClient dynamo, DynamoDbStreamsClient streams, DynamoDbSettings settings) {
        return new DynamoDbStreamPoller(dynamo, streams, settings.tableName(), POLLER_MAX_IDLE_WAIT);
    }
}
