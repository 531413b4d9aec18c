package io.cruddur.messaging.adapters.inmemory;

import static io.cruddur.messaging.adapters.inmemory.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.ListMessagesQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.RefreshResult;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pattern E on its own: storage that does not call it back, so the test decides when it runs. */
class RefreshMessageGroupsTest {
    private final MutableClock clock = new MutableClock(World.START);
    private final InMemoryMessagingPort storage = new InMemoryMessagingPort();
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final User andrew = register("andrewbrown");
    private final User bayko = register("bayko");

    @Test
    void a_new_message_moves_every_members_row_forward() {
        Messaging messaging = over(storage);
        MessageGroupId group = start(messaging);
        Message reply = send(messaging, group, "reply", 10);
        assertThat(rowTexts(messaging, andrew)).as("rows wait for pattern E").containsExactly("hello");

        assertThat(messaging.refreshMessageGroups(reply).advancedRows()).isEqualTo(2);

        assertThat(rowTexts(messaging, andrew)).containsExactly("reply");
        assertThat(rowTexts(messaging, bayko)).containsExactly("reply");
    }

    @Test
    void a_duplicate_or_late_message_changes_nothing() {
        Messaging messaging = over(storage);
        MessageGroupId group = start(messaging);
        Message earlier = send(messaging, group, "earlier", 10);
        Message later = send(messaging, group, "later", 20);
        messaging.refreshMessageGroups(later);

        assertThat(messaging.refreshMessageGroups(later).advancedRows()).isZero();
        assertThat(messaging.refreshMessageGroups(earlier).advancedRows()).isZero();

        assertThat(rowTexts(messaging, andrew)).containsExactly("later");
        assertThat(rows(messaging, bayko).get(0).lastMessageAt()).isEqualTo(later.createdAt());
    }

    @Test
    void several_messages_of_a_group_move_the_rows_once_to_the_newest_and_the_listener_hears_each() {
        List<String> heard = new ArrayList<>();
        Messaging messaging = Messaging.builder().messages(storage).users(directory).clock(clock)
                .refreshListener((message, result) -> heard.add(message.text().value())).build();
        MessageGroupId group = start(messaging);
        Message first = send(messaging, group, "first", 10);
        Message newest = send(messaging, group, "newest", 30);
        Message second = send(messaging, group, "second", 20);

        RefreshResult result = messaging.refreshMessageGroups(List.of(first, newest, second));

        assertThat(result.advancedRows()).isEqualTo(2);
        assertThat(rowTexts(messaging, andrew)).containsExactly("newest");
        assertThat(rowTexts(messaging, bayko)).containsExactly("newest");
        assertThat(heard).containsExactly("first", "newest", "second");
    }

    @Test
    void messages_of_different_groups_are_not_refreshed_together() {
        Messaging messaging = over(storage);
        Message one = send(messaging, start(messaging), "one", 10);
        Message elsewhere = Fixtures.message(Fixtures.newGroup(), bayko, "elsewhere", World.START);

        assertThatThrownBy(() -> messaging.refreshMessageGroups(List.of(one, elsewhere)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> messaging.refreshMessageGroups(List.<Message>of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_refresh_listener_hears_each_message_with_the_groups_members() {
        List<RefreshResult> heard = new ArrayList<>();
        Messaging messaging = Messaging.builder().messages(storage).users(directory).clock(clock)
                .refreshListener((message, result) -> heard.add(result)).build();
        MessageGroupId group = start(messaging);
        Message reply = send(messaging, group, "reply", 10);

        messaging.refreshMessageGroups(reply);
        messaging.refreshMessageGroups(reply);

        assertThat(heard).containsExactly(
                new RefreshResult(2, Set.of(andrew.id(), bayko.id())),
                new RefreshResult(0, Set.of(andrew.id(), bayko.id())));
    }

    @Test
    void a_row_that_keeps_moving_under_it_ends_in_storage_contended() {
        Messaging messaging = over(new AlwaysOvertakenPort(storage));
        MessageGroupId group = start(messaging);
        Message reply = send(messaging, group, "reply", 10);

        assertRefused(() -> messaging.refreshMessageGroups(reply), ErrorCode.STORAGE_CONTENDED);
    }

    private User register(String handle) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty()))
                .user();
    }

    private Messaging over(MessagingPort port) {
        return Messaging.builder().messages(port).users(directory).clock(clock).build();
    }

    private MessageGroupId start(Messaging messaging) {
        return messaging.startConversation(new StartConversationCommand(
                andrew, bayko.handle(), new MessageText("hello"), Optional.empty())).groupId();
    }

    private Message send(Messaging messaging, MessageGroupId group, String text, int secondsLater) {
        clock.set(World.START.plusSeconds(secondsLater));
        Message sent = messaging.sendMessage(new SendMessageCommand(bayko, group, new MessageText(text), Optional.empty()));
        assertThat(messaging.listMessages(new ListMessagesQuery(
                andrew, group, PageRequest.first())).messages()).contains(sent);
        return sent;
    }

    private static List<String> rowTexts(Messaging messaging, User owner) {
        return rows(messaging, owner).stream().map(row -> row.lastMessage().value()).toList();
    }

    private static List<MessageGroupRow> rows(Messaging messaging, User owner) {
        return messaging.listMessageGroups(new ListMessageGroupsQuery(owner, PageRequest.first())).groups();
    }

    /** Storage where every row has always just been moved by someone else: the compare-and-set never wins. */
    private static final class AlwaysOvertakenPort extends ForwardingMessagingPort {
        AlwaysOvertakenPort(MessagingPort storage) {
            super(storage);
        }

        @Override
        public boolean advanceGroupRow(MessageGroupRow current, MessageText lastMessage, Instant lastMessageAt) {
            return false;
        }
    }
}
