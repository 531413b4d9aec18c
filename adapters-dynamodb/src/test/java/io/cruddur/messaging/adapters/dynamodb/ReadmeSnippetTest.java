package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.dynamodb.stream.DynamoDbStreamPoller;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.readme.ReadmeSnippets;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The README's DynamoDB snippet on the test engine: the other member's row follows the stream. */
class ReadmeSnippetTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();

    @Test
    void the_dynamodb_snippet_keeps_every_members_row_current() {
        ReadmeSnippets.assertSameAsReadme("dynamodb",
                "src/test/java/io/cruddur/messaging/adapters/dynamodb/ReadmeSnippetTest.java");
        DynamoDbSettings settings = LOCAL.settings("readme-" + UUID.randomUUID());
        InMemoryUserDirectory userDirectory = new InMemoryUserDirectory();
        User andrew = register(userDirectory, "andrewbrown");
        User bayko = register(userDirectory, "bayko");

        // snippet: dynamodb
        DynamoDbClient dynamo = DynamoDbClients.dynamo(settings);              // one per process
        new TableAdmin(dynamo).createTable(settings.tableName(), TableAdmin.Billing.ON_DEMAND, false);
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(dynamo, settings.tableName());
        // Group rows follow the table's stream, read by this process (leave the feed out where the Lambda does it)
        DynamoDbStreamsClient streams = DynamoDbClients.streams(settings);    // one per process too
        DynamoDbStreamPoller poller = new DynamoDbStreamPoller(dynamo, streams, settings.tableName(), Duration.ofSeconds(1));
        Messaging messaging = Messaging.builder().messages(port).users(userDirectory).newMessageFeed(poller).build();
        // messaging.close() stops the poller; close the two clients after it
        // end of snippet

        try (dynamo; streams; messaging) {
            MessageGroupId group = messaging.startConversation(
                    StartConversationCommand.parse(andrew, "@bayko", "hello", null)).groupId();
            messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "moved by the stream", null));

            Eventually.within(Duration.ofSeconds(20), () -> assertThat(messaging
                    .listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first())).groups())
                    .singleElement().satisfies(row -> assertThat(row.lastMessage().value()).isEqualTo("moved by the stream")));
        }
    }

    private static User register(InMemoryUserDirectory directory, String handle) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty())).user();
    }
}
