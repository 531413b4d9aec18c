package io.cruddur.messaging.adapters.dynamodb;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import io.cruddur.messaging.core.port.MessagingPort;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB adapter for a Dagger component: one client of each kind per component, the port,
 * the schema tools, the operators' reports and bulk seeder, and the single-process stream poller (which the component may bind as its
 * {@link io.cruddur.messaging.core.port.NewMessageFeed}). Needs a {@link DynamoDbSettings} from
 * outside ({@code @BindsInstance}). Other modules may add {@link ExecutionInterceptor}s to both
 * clients ({@code @IntoSet}), to count or trace requests.
 */
@Module
public abstract class DynamoDbModule {
    private static final Duration POLLER_MAX_IDLE_WAIT = Duration.ofMillis(100);

    private DynamoDbModule() {
    }

    @Multibinds
    abstract Set<ExecutionInterceptor> interceptors();

    @Provides
    @Singleton
    static DynamoDbClient dynamo(DynamoDbSettings settings, Set<ExecutionInterceptor> interceptors) {
        return DynamoDbClients.dynamo(settings, interceptors.toArray(ExecutionInterceptor[]::new));
    }

    @Provides
    @Singleton
    static DynamoDbStreamsClient streams(DynamoDbSettings settings, Set<ExecutionInterceptor> interceptors) {
        return DynamoDbClients.streams(settings, interceptors.toArray(ExecutionInterceptor[]::new));
    }

    @Provides
    @Singleton
    static DynamoDbMessagingPort port(DynamoDbClient dynamo, DynamoDbSettings settings) {
        return new DynamoDbMessagingPort(dynamo, settings.tableName());
    }

    @Binds
    abstract MessagingPort messages(DynamoDbMessagingPort port);

    @Provides
    static TableAdmin tables(DynamoDbClient dynamo) {
        return new TableAdmin(dynamo);
    }

    @Provides
    static PatternReports reports(DynamoDbClient dynamo, DynamoDbSettings settings) {
        return new PatternReports(dynamo, settings.tableName());
    }

    @Provides
    static ConversationSeeder seeder(DynamoDbClient dynamo, DynamoDbSettings settings) {
        return new ConversationSeeder(dynamo, settings.tableName());
    }

    @Provides
    @Singleton
    static DynamoDbStreamPoller poller(DynamoDbClient dynamo, DynamoDbStreamsClient streams, DynamoDbSettings settings) {
        return new DynamoDbStreamPoller(dynamo, streams, settings.tableName(), POLLER_MAX_IDLE_WAIT);
    }
}
