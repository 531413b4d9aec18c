package io.cruddur.messaging.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.cruddur.messaging.adapters.dynamodb.ConversationSeeder;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbModule;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.PatternReports;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the operator commands do with the message table, wired as the hosts are: the DynamoDB
 * adapter's module on one client, closed with the component.
 */
@Singleton
@Component(modules = DynamoDbModule.class)
public interface TableTools extends AutoCloseable {
    TableAdmin tables();

    PatternReports reports();

    ConversationSeeder seeder();

    DynamoDbClient dynamo();

    /** Builds the client at once, so closing never builds one. */
    static TableTools create(DynamoDbSettings table) {
        TableTools tools = DaggerTableTools.factory().create(table);
        tools.dynamo();
        return tools;
    }

    @Override
    default void close() {
        dynamo().close();
    }

    @Component.Factory
    interface Factory {
        TableTools create(@BindsInstance DynamoDbSettings table);
    }
}
