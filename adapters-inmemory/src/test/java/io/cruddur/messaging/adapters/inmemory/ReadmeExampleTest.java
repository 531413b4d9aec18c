package io.cruddur.messaging.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.core.cache.CacheSettings;
import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.readme.ReadmeSnippets;
import io.cruddur.messaging.core.usecase.ConversationStarted;
import io.cruddur.messaging.core.usecase.IdSource;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.ListMessagesQuery;
import io.cruddur.messaging.core.usecase.MessagePage;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's usage examples, kept compiling and true. */
class ReadmeExampleTest {
    private static final String SOURCE = "src/test/java/io/cruddur/messaging/adapters/inmemory/ReadmeExampleTest.java";

    @Test
    void the_readme_example_works() {
        ReadmeSnippets.assertSameAsReadme("in-memory", SOURCE);
        // snippet: in-memory
        InMemoryMessaging memory = InMemoryMessaging.create();
        User andrew = memory.seedUser("andrewbrown", "Andrew Brown");
        User bayko = memory.seedUser("bayko", "Andrew Bayko");
        Messaging messaging = memory.messaging();

        // D: start a conversation with @bayko (raw client input is validated, every problem at once)
        ConversationStarted started = messaging.startConversation(
                StartConversationCommand.parse(andrew, "@bayko", "Have you seen the new season?", null));

        // C: reply in the group; a client message id makes retries store one message
        messaging.sendMessage(SendMessageCommand.parse(
                bayko, started.groupId().toString(), "Not yet, no spoilers!", "0b9f7a52-6f1e-4a8e-9c1d-2f9d1e6c4b10"));

        // A: the newest page, oldest first; page.older() is the cursor to the previous page
        MessagePage page = messaging.listMessages(new ListMessagesQuery(andrew, started.groupId(), PageRequest.first()));
        page.messages().forEach(m -> System.out.println(m.sender().handle() + ": " + m.text()));

        // B: my conversations, most recent first (E has already moved both rows to the reply)
        messaging.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first()))
                .groups().forEach(g -> System.out.println(g.counterpart().displayName() + " - " + g.lastMessage()));

        // Refusals are one exception type with stable codes
        try {
            messaging.sendMessage(SendMessageCommand.parse(andrew, started.groupId().toString(), " ", null));
        } catch (MessagingException refused) {
            System.out.println(refused.codes()); // [MESSAGE_BLANK]; code().code() gives "message_blank"
        }
        // end of snippet

        List<Cursor> olderPage = page.older().stream().toList();
        assertThat(page.messages()).extracting(m -> m.text().value())
                .containsExactly("Have you seen the new season?", "Not yet, no spoilers!");
        assertThat(olderPage).isEmpty();
        assertThat(messaging.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first())).groups())
                .singleElement().satisfies(g -> assertThat(g.lastMessage().value()).isEqualTo("Not yet, no spoilers!"));
        assertThatThrownBy(() -> messaging.sendMessage(
                SendMessageCommand.parse(andrew, started.groupId().toString(), " ", null)))
                .isInstanceOfSatisfying(MessagingException.class,
                        refused -> assertThat(refused.codes()).containsExactly(ErrorCode.MESSAGE_BLANK));
    }

    @Test
    void the_builder_builds_a_facade_on_the_ports_given() {
        ReadmeSnippets.assertSameAsReadme("builder", SOURCE);
        InMemoryMessagingPort messagingPort = new InMemoryMessagingPort();
        InMemoryUserDirectory userDirectoryPort = new InMemoryUserDirectory();
        InMemoryUserDirectory userAdministrationPort = userDirectoryPort;
        byte[] secretBytes = new byte[32];

        // snippet: builder
        Messaging messaging = Messaging.builder()
                .messages(messagingPort)          // e.g. the DynamoDB adapter
                .users(userDirectoryPort)         // e.g. the PostgreSQL adapter
                .userAdministration(userAdministrationPort)  // the same adapter; for listUsers, registerUser, assignCognitoUserIds
                .clock(Clock.systemUTC())         // default
                .ids(IdSource.random())           // default
                .cache(new CacheSettings(10_000, Duration.ofMinutes(5)))  // default
                .cursorSecret(secretBytes)        // >= 32 bytes; shared by all hosts behind one load balancer
                .build();
        // end of snippet

        User andrew = messaging.registerUser(new NewUser(new Handle("andrewbrown"), "Andrew Brown",
                "andrew@example.org", Optional.empty())).user();
        messaging.registerUser(new NewUser(new Handle("bayko"), "Bay Kovac", "bayko@example.org", Optional.empty()));
        messaging.startConversation(StartConversationCommand.parse(andrew, "@bayko", "built", null));
        assertThat(messagingPort.groupRows(andrew.id(), SliceQuery.newest(5)).items()).hasSize(1);
    }
}
