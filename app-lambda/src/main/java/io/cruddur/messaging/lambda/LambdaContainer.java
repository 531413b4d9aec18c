package io.cruddur.messaging.lambda;

import dagger.BindsInstance;
import dagger.Component;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbModule;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.postgres.PostgresNewsBus;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda deployment's component: what one function container builds once and keeps across
 * invocations. The function's invocations themselves are its feed of new messages, so the
 * component provides the handler that feed is started with, and the news bus to flush after
 * each batch.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, LambdaNewsModule.class})
interface LambdaContainer {

    /** Moves the group rows of each batch and publishes news of the rows it moved. */
    RefreshMessageGroups refresh();

    /** The hosts' news bus, present when {@code CONNECTION_URL} is set. */
    Optional<PostgresNewsBus> news();

    /** From the function's environment: {@code DDB_MESSAGE_TABLE}, {@code AWS_REGION}, {@code CONNECTION_URL}. */
    static LambdaContainer from(Map<String, String> environment) {
        Optional<PostgresSettings> newsDatabase = Optional.ofNullable(environment.get("CONNECTION_URL"))
                .map(String::strip).filter(url -> !url.isEmpty()).map(PostgresSettings::parse);
        return DaggerLambdaContainer.factory().create(DynamoDbSettings.fromEnvironment(environment), newsDatabase);
    }

    @Component.Factory
    interface Factory {
        LambdaContainer create(@BindsInstance DynamoDbSettings table,
                @BindsInstance Optional<PostgresSettings> newsDatabase);
    }
}
