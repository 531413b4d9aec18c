package io.cruddur.messaging.app.wiring;

import com.zaxxer.hikari.HikariDataSource;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import io.cruddur.messaging.adapters.postgres.PostgresUserChanges;
import io.cruddur.messaging.app.http.HttpApi;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.usecase.Messaging;

/** What the launcher needs of a deployment on DynamoDB and PostgreSQL, embedded or on AWS. */
public interface TableHost {
    HttpApi http();

    Messaging messaging();

    NewMessageFeed newMessageFeed();

    TableAdmin tables();

    DynamoDbSettings dynamoSettings();

    HikariDataSource pool();

    /** Heard by the facade's user caches; closed after the facade. */
    PostgresUserChanges userChanges();
}
