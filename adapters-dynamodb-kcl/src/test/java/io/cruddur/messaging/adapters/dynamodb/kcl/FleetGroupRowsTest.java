package io.cruddur.messaging.adapters.dynamodb.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.Eventually;
import io.cruddur.messaging.adapters.dynamodb.TestDynamoDb;
import io.cruddur.messaging.adapters.dynamodb.setup.DynamoDbMessaging;
import io.cruddur.messaging.adapters.dynamodb.setup.GroupRows;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fleet's choice of who keeps the group rows: this process as one KCL worker of the table's stream. */
class FleetGroupRowsTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    /** A worker joining a fresh application waits several of the KCL's fixed intervals for its lease. */
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Test
    void read_by_a_kcl_worker_the_other_members_row_follows_the_stream() {
        DynamoDbSettings settings = LOCAL.settings(LOCAL.newTable());
        InMemoryUserDirectory users = new InMemoryUserDirectory();
        User andrew = register(users, "andrewbrown");
        User bayko = register(users, "bayko");
        KclSettings kcl = new KclSettings(settings.tableName() + "-stream-workers", "worker-1",
                Duration.ofSeconds(2), Duration.ofMillis(50));

        try (DynamoDbMessaging storage = DynamoDbMessaging.on(settings).users(users)
                .groupRows(GroupRows.readBy(new KclStreamWorker(settings, kcl))).build()) {
            Messaging messaging = storage.messaging();
            MessageGroupId group = messaging.startConversation(
                    StartConversationCommand.parse(andrew, "@bayko", "hello", null)).groupId();
            messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "moved by the fleet", null));

            Eventually.within(BOUND, () -> assertThat(messaging
                    .listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first())).groups())
                    .singleElement().satisfies(row -> assertThat(row.lastMessage().value()).isEqualTo("moved by the fleet")));
        }
    }

    private static User register(InMemoryUserDirectory directory, String handle) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty())).user();
    }
}
