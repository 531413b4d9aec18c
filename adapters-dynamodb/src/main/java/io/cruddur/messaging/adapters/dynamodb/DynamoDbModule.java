package io.cruddur.messaging.adapters.dynamodb;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import io.cruddur.messaging.core.port.MessagingPort;
import jakarta.inject.Singleton;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB adapter for a Dagger component: one client per component, the port, the schema
 * tools, the operators' reports and bulk seeder (the single-process stream poller is
 * {@code DynamoDbStreamModule}'s). Needs a {@link DynamoDbSettings} from outside
 * ({@code @BindsInstance}). Other modules may add {@link ExecutionInterceptor}s to the clients
 * ({@code @IntoSet}), to count or trace requests.
 */
@Module
public abstract class DynamoDbModule {
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
}
