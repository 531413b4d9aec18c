package io.cruddur.messaging.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbModule;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.postgres.PostgresModule;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.app.config.HostConfig;
import jakarta.inject.Singleton;

/** The embedded deployment: the DynamoDB engine and PostgreSQL inside the process, the host's own tokens. */
@Singleton
@Component(modules = {DynamoDbModule.class, PostgresModule.class, HostModule.class, LocalIssuerModule.class,
        StorageMetricsModule.class, StreamPollerModule.class, LocalNewsModule.class})
public interface EmbeddedHost extends TableHost {
    static EmbeddedHost create(HostConfig config, DynamoDbSettings dynamo, PostgresSettings postgres) {
        return DaggerEmbeddedHost.factory().create(config, dynamo, postgres);
    }

    @Component.Factory
    interface Factory {
        EmbeddedHost create(@BindsInstance HostConfig config, @BindsInstance DynamoDbSettings dynamo,
                @BindsInstance PostgresSettings postgres);
    }
}
