package io.cruddur.messaging.adapters.dynamodb.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.Eventually;
import io.cruddur.messaging.adapters.dynamodb.TestDynamoDb;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.readme.ReadmeSnippets;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The library on DynamoDB with each choice of who keeps the group rows, on the test engine. */
class DynamoDbMessagingTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();

    private final DynamoDbSettings settings = LOCAL.settings(LOCAL.newTable());
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final User andrew = register("andrewbrown");
    private final User bayko = register("bayko");

    @Test
    void read_by_this_process_the_other_members_row_follows_the_stream() {
        ReadmeSnippets.assertSameAsReadme("dynamodb-setup",
                "src/test/java/io/cruddur/messaging/adapters/dynamodb/setup/DynamoDbMessagingTest.java");

        // snippet: dynamodb-setup
        try (DynamoDbMessaging storage = DynamoDbMessaging.on(settings)
                .users(users).userAdministration(users)
                .groupRows(GroupRows.readByThisProcess())  // or readBy(new KclStreamWorker(settings, kcl)), keptByTheLambda()
                .build()) {
            serve(storage.messaging());  // the service's work; leaving the try stops the reader and the clients
        }
        // end of snippet
        assertThat(tables()).contains(settings.tableName() + "-checkpoints");
    }

    /** Starts a conversation, replies, and waits until the starter's row shows the reply. */
    private void serve(Messaging messaging) {
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "@bayko", "hello", null)).groupId();
        messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "moved by this process", null));

        Eventually.within(Duration.ofSeconds(20), () -> assertThat(messaging
                .listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first())).groups())
                .singleElement().satisfies(row -> assertThat(row.lastMessage().value()).isEqualTo("moved by this process")));
    }

    @Test
    void kept_by_the_lambda_this_process_reads_no_stream() {
        try (DynamoDbMessaging storage = DynamoDbMessaging.on(settings).users(users)
                .groupRows(GroupRows.keptByTheLambda()).build()) {
            storage.messaging().startConversation(StartConversationCommand.parse(andrew, "@bayko", "hello", null));
        }

        assertThat(tables()).contains(settings.tableName()).doesNotContain(settings.tableName() + "-checkpoints");
    }

    @Test
    void an_engine_is_started_with_the_facade_and_stopped_when_it_closes() {
        RecordingEngine engine = new RecordingEngine();

        DynamoDbMessaging storage = DynamoDbMessaging.on(settings).users(users).groupRows(GroupRows.readBy(engine)).build();
        assertThat(engine.started).isTrue();
        assertThat(engine.closed).isFalse();
        storage.close();

        assertThat(engine.closed).isTrue();
    }

    @Test
    void without_a_choice_of_who_keeps_the_rows_nothing_is_built() {
        assertThatThrownBy(() -> DynamoDbMessaging.on(settings).users(users).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("groupRows");
    }

    private List<String> tables() {
        return new TableAdmin(LOCAL.dynamo()).listTables();
    }

    private User register(String handle) {
        return users.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty())).user();
    }

    /** An engine that only says whether it was started and stopped. */
    private static final class RecordingEngine implements NewMessageFeed {
        private boolean started;
        private boolean closed;

        @Override
        public void start(NewMessageHandler handler) {
            started = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
