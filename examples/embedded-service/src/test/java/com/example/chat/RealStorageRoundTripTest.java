package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cruddur.engine.dynamodb.DynamoDbEngine;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import io.cruddur.messaging.adapters.dynamodb.setup.DynamoDbMessaging;
import io.cruddur.messaging.adapters.dynamodb.setup.GroupRows;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.adapters.postgres.PostgresUserDirectory;
import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.Messaging;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The library's DynamoDB engine and a real PostgreSQL, wired as the library's README says, pattern E included. */
class RealStorageRoundTripTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void the_other_members_inbox_follows_the_table_stream() throws Exception {
        try (DynamoDbEngine engine = DynamoDbEngine.builder().build().start();
                EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DynamoDbSettings table = DynamoDbSettings.local(engine.endpoint(), "support-messages");
            try (DynamoDbClient admin = DynamoDbClients.dynamo(table)) {
                new TableAdmin(admin).createTable(table.tableName(), TableAdmin.Billing.ON_DEMAND, false);
            }
            PostgresSettings database = PostgresSettings.parse(postgres.getJdbcUrl("postgres", "postgres"));
            try (HikariDataSource pool = UserDatabase.pool(database)) {
                UserDatabase.migrate(pool);
                PostgresUserDirectory users = new PostgresUserDirectory(UserDatabase.jdbi(pool));
                try (DynamoDbMessaging storage = DynamoDbMessaging.on(table)
                        .users(users).userAdministration(users)
                        .groupRows(GroupRows.readByThisProcess())
                        .build()) {
                    roundTrip(storage.messaging());
                }
            }
        }
    }

    private static void roundTrip(Messaging messaging) throws InterruptedException {
        User customer = register(messaging, "customer");
        User support = register(messaging, "support");
        SupportChat chat = new SupportChat(messaging);
        chat.write(customer, "@support", "my order is late");

        Instant sent = Instant.now();
        chat.write(support, "@customer", "on its way");
        while (!chat.inbox(customer).equals(List.of("support: on its way"))) {
            assertThat(Duration.between(sent, Instant.now())).as("the customer's row follows the stream").isLessThan(BOUND);
            Thread.sleep(20);
        }
        System.out.println("the other member's row followed in " + Duration.between(sent, Instant.now()).toMillis() + " ms");
    }

    private static User register(Messaging messaging, String handle) {
        return messaging.registerUser(new NewUser(new Handle(handle), handle, handle + "@example.com",
                Optional.empty())).user();
    }
}
