package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessaging;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviseMessageTest {
    private final World world = new World();

    @Test
    void an_edit_keeps_the_messages_id_and_time_and_every_member_reads_it_and_the_preview_follows() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();
        Message sent = world.send(world.bayko, group, "see you at 5");
        world.clock.advance(Duration.ofMinutes(3));

        Message edited = edit(world.bayko, sent, "see you at 6");

        assertThat(edited.id()).isEqualTo(sent.id());
        assertThat(edited.createdAt()).isEqualTo(sent.createdAt());
        assertThat(edited.editedAt()).contains(world.clock.instant());
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages()).last().isEqualTo(edited);
        for (User member : List.of(world.andrew, world.bayko)) {
            assertThat(world.groups(member).groups().get(0).lastMessage().value()).isEqualTo("see you at 6");
        }
    }

    @Test
    void an_edit_of_an_older_message_leaves_the_previews_on_the_latest() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();
        Message older = world.send(world.bayko, group, "first");
        world.send(world.andrew, group, "latest");

        edit(world.bayko, older, "first, edited");

        assertThat(world.groups(world.andrew).groups().get(0).lastMessage().value()).isEqualTo("latest");
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages())
                .extracting(message -> message.text().value()).containsExactly("hello", "first, edited", "latest");
    }

    @Test
    void a_send_retried_after_its_message_was_edited_stores_nothing_and_answers_the_message_as_it_reads() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();
        SendMessageCommand send = new SendMessageCommand(world.bayko, group, new MessageText("typo"),
                Optional.of(new MessageId(UUID.randomUUID())));
        Message sent = world.messaging.sendMessage(send);
        Message edited = edit(world.bayko, sent, "no typo");

        assertThat(world.messaging.sendMessage(send)).isEqualTo(edited);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages()).hasSize(2);
    }

    @Test
    void the_same_text_again_changes_nothing() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();
        Message sent = world.send(world.bayko, group, "typo");
        Message edited = edit(world.bayko, sent, "no typo");
        world.clock.advance(Duration.ofMinutes(1));

        assertThat(edit(world.bayko, sent, "no typo")).isEqualTo(edited);
    }

    @Test
    void a_delete_leaves_a_tombstone_that_previews_show_and_can_neither_be_edited_nor_deleted_twice() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();
        Message sent = world.send(world.bayko, group, "oops, wrong chat");

        Message tombstone = delete(world.bayko, sent);

        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.text()).isEqualTo(Message.DELETED_TEXT);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages())
                .extracting(message -> message.text().value(), Message::deleted)
                .containsExactly(tuple("hello", false), tuple(Message.DELETED_TEXT.value(), true));
        assertThat(world.groups(world.andrew).groups().get(0).lastMessage()).isEqualTo(Message.DELETED_TEXT);
        assertThat(delete(world.bayko, sent)).as("deleting again").isEqualTo(tombstone);
        assertRefused(() -> edit(world.bayko, sent, "take two"), ErrorCode.MESSAGE_DELETED);
    }

    @Test
    void only_the_sender_revises_and_a_missing_message_is_told_apart() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();
        Message baykos = world.send(world.bayko, group, "mine");
        MessageGroupId elsewhere = world.start(world.andrew, world.londo, "elsewhere").groupId();
        Message andrewsElsewhere = world.send(world.andrew, elsewhere, "in another group");

        assertRefused(() -> edit(world.andrew, baykos, "not yours"), ErrorCode.NOT_THE_SENDER);
        assertRefused(() -> delete(world.andrew, baykos), ErrorCode.NOT_THE_SENDER);
        assertRefused(() -> world.messaging.editMessage(new EditMessageCommand(world.andrew, group,
                new MessageId(UUID.randomUUID()), new MessageText("?"))), ErrorCode.MESSAGE_NOT_FOUND);
        assertRefused(() -> world.messaging.deleteMessage(new DeleteMessageCommand(world.andrew, group,
                andrewsElsewhere.id())), ErrorCode.MESSAGE_NOT_FOUND);
        assertRefused(() -> edit(world.londo, baykos, "let me"), ErrorCode.NOT_A_MEMBER);
        assertRefused(() -> world.messaging.deleteMessage(new DeleteMessageCommand(world.andrew,
                new MessageGroupId(UUID.randomUUID()), baykos.id())), ErrorCode.MESSAGE_GROUP_NOT_FOUND);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages()).last().isEqualTo(baykos);
    }

    @Test
    void a_message_may_be_revised_only_within_the_edit_window() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();
        Message sent = world.send(world.bayko, group, "yesterday's news");
        world.clock.advance(ReviseMessage.DEFAULT_EDIT_WINDOW.minusSeconds(1));
        Message edited = edit(world.bayko, sent, "still in time");
        world.clock.advance(Duration.ofSeconds(1));

        assertRefused(() -> edit(world.bayko, sent, "too late"), ErrorCode.EDIT_WINDOW_PASSED);
        assertRefused(() -> delete(world.bayko, sent), ErrorCode.EDIT_WINDOW_PASSED);
        assertThat(edit(world.bayko, sent, "still in time")).as("a retry of the edit that made it").isEqualTo(edited);

        MutableClock clock = new MutableClock(World.START);
        InMemoryMessaging shortWindow = InMemoryMessaging.create(builder -> builder.clock(clock)
                .editWindow(Duration.ofMinutes(5)));
        User andrew = shortWindow.seedUser("andrew", "Andrew");
        User bayko = shortWindow.seedUser("bayko", "Bayko");
        MessageGroupId shortGroup = shortWindow.seedConversation(andrew, bayko, "hi");
        Message quick = shortWindow.messaging().sendMessage(new SendMessageCommand(andrew, shortGroup,
                new MessageText("quick"), Optional.empty()));
        clock.advance(Duration.ofMinutes(6));
        assertRefused(() -> shortWindow.messaging().editMessage(new EditMessageCommand(andrew, shortGroup, quick.id(),
                new MessageText("slow"))), ErrorCode.EDIT_WINDOW_PASSED);
        assertThatThrownBy(() -> InMemoryMessaging.create(builder -> builder.editWindow(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requests_are_read_with_every_problem_at_once() {
        assertRefused(() -> EditMessageCommand.parse(world.andrew, "", "42", " "),
                ErrorCode.MESSAGE_GROUP_UUID_BLANK, ErrorCode.MESSAGE_UUID_INVALID, ErrorCode.MESSAGE_BLANK);
        assertRefused(() -> DeleteMessageCommand.parse(world.andrew, "x", ""),
                ErrorCode.MESSAGE_GROUP_UUID_INVALID, ErrorCode.MESSAGE_UUID_INVALID);
    }

    private Message edit(User sender, Message message, String text) {
        return world.messaging.editMessage(new EditMessageCommand(sender, message.groupId(), message.id(),
                new MessageText(text)));
    }

    private Message delete(User sender, Message message) {
        return world.messaging.deleteMessage(new DeleteMessageCommand(sender, message.groupId(), message.id()));
    }
}
