package io.cruddur.messaging.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbModule;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.kcl.KclSettings;
import io.cruddur.messaging.adapters.postgres.PostgresModule;
import io.cruddur.messaging.adapters.postgres.PostgresNewsBus;
import io.cruddur.messaging.adapters.postgres.PostgresNewsModule;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.app.config.HostConfig;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The AWS deployment: DynamoDB and PostgreSQL from configuration, Cognito tokens, no dev login,
 * news between hosts over PostgreSQL, and the table's stream read only by hosts that are stream
 * workers.
 */
@Singleton
@Component(modules = {DynamoDbModule.class, PostgresModule.class, HostModule.class, CognitoModule.class,
        StorageMetricsModule.class, StreamWorkerModule.class, PostgresNewsModule.class})
public interface AwsHost extends TableHost {
    /** The bus to close at shutdown, after the HTTP host stopped publishing to it. */
    PostgresNewsBus newsBus();

    /** {@code streamWorker} present: this host is one of the table's stream workers. */
    static AwsHost create(HostConfig config, DynamoDbSettings dynamo, PostgresSettings postgres,
            Optional<KclSettings> streamWorker) {
        return DaggerAwsHost.factory().create(config, dynamo, postgres, streamWorker);
    }

    @Component.Factory
    interface Factory {
        AwsHost create(@BindsInstance HostConfig config, @BindsInstance DynamoDbSettings dynamo,
                @BindsInstance PostgresSettings postgres, @BindsInstance Optional<KclSettings> streamWorker);
    }
}
