package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SendMessageTest {
    private final World world = new World();
    private final MessageGroupId group = world.start(world.andrew, world.bayko, "hello").groupId();

    @Test
    void a_member_sends_and_both_members_group_rows_show_it() {
        Message sent = world.send(world.bayko, group, "hi andrew");

        assertThat(sent.sender()).isEqualTo(world.bayko);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages()).last().isEqualTo(sent);
        assertThat(world.groups(world.andrew).groups()).extracting(MessageGroupRow::lastMessage, MessageGroupRow::lastMessageAt)
                .containsExactly(tuple(sent.text(), sent.createdAt()));
        assertThat(world.groups(world.bayko).groups().get(0).lastMessageAt()).isEqualTo(sent.createdAt());
    }

    @Test
    void a_non_member_cannot_send_and_nothing_is_stored() {
        assertRefused(() -> world.send(world.londo, group, "let me in"), ErrorCode.NOT_A_MEMBER);

        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages()).hasSize(1);
    }

    @Test
    void sending_to_an_unknown_group_is_refused() {
        assertRefused(() -> world.send(world.andrew, new MessageGroupId(UUID.randomUUID()), "anyone?"),
                ErrorCode.MESSAGE_GROUP_NOT_FOUND);
    }

    @Test
    void a_retried_send_stores_one_message_and_returns_the_same_result() {
        SendMessageCommand command = withClientId(world.bayko, group, "only once", UUID.randomUUID());

        Message first = world.messaging.sendMessage(command);
        world.clock.advance(Duration.ofSeconds(30));
        Message retried = world.messaging.sendMessage(command);

        assertThat(retried).isEqualTo(first);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages()).hasSize(2);
    }

    @Test
    void a_client_message_id_cannot_be_reused_by_its_sender_for_another_message() {
        UUID id = UUID.randomUUID();
        world.messaging.sendMessage(withClientId(world.bayko, group, "original", id));
        MessageGroupId other = world.start(world.bayko, world.londo, "other group").groupId();

        assertRefused(() -> world.messaging.sendMessage(withClientId(world.bayko, group, "edited", id)),
                ErrorCode.MESSAGE_UUID_REUSED);
        assertRefused(() -> world.messaging.sendMessage(withClientId(world.bayko, other, "original", id)),
                ErrorCode.MESSAGE_UUID_REUSED);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages())
                .extracting(message -> message.text().value()).containsExactly("hello", "original");
    }

    @Test
    void another_sender_may_use_the_same_client_message_id() {
        UUID id = UUID.randomUUID();
        Message baykos = world.messaging.sendMessage(withClientId(world.bayko, group, "original", id));

        Message andrews = world.messaging.sendMessage(withClientId(world.andrew, group, "original", id));

        assertThat(andrews.id()).isEqualTo(baykos.id());
        assertThat(andrews.sender()).isEqualTo(world.andrew);
        assertThat(world.messaging.sendMessage(withClientId(world.bayko, group, "original", id))).isEqualTo(baykos);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages())
                .extracting(message -> message.sender().handle().value()).containsExactly("andrewbrown", "bayko", "andrewbrown");
    }

    @Test
    void two_messages_sent_at_the_same_instant_both_survive() {
        Message first = world.messaging.sendMessage(
                new SendMessageCommand(world.andrew, group, new MessageText("same"), Optional.empty()));
        Message second = world.messaging.sendMessage(
                new SendMessageCommand(world.bayko, group, new MessageText("instant"), Optional.empty()));

        assertThat(second.createdAt()).isAfter(first.createdAt());
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages())
                .extracting(message -> message.text().value()).containsExactly("hello", "same", "instant");
    }

    @Test
    void client_input_is_refused_with_every_problem_at_once() {
        assertRefused(() -> SendMessageCommand.parse(world.andrew, "", " ", null),
                ErrorCode.MESSAGE_BLANK, ErrorCode.MESSAGE_GROUP_UUID_BLANK);
        assertRefused(() -> SendMessageCommand.parse(world.andrew, "nope", "x".repeat(1025), "also-nope"),
                ErrorCode.MESSAGE_EXCEED_MAX_CHARS, ErrorCode.MESSAGE_GROUP_UUID_INVALID, ErrorCode.MESSAGE_UUID_INVALID);
    }

    @Test
    void client_input_that_is_valid_becomes_a_command() {
        UUID id = UUID.randomUUID();

        SendMessageCommand command = SendMessageCommand.parse(world.andrew, group.toString(), " hi ", id.toString());

        assertThat(command).isEqualTo(new SendMessageCommand(
                world.andrew, group, new MessageText("hi"), Optional.of(new MessageId(id))));
        assertThat(SendMessageCommand.parse(world.andrew, group.toString(), "hi", "").clientMessageId()).isEmpty();
    }

    private static SendMessageCommand withClientId(User sender, MessageGroupId group, String text, UUID id) {
        return new SendMessageCommand(sender, group, new MessageText(text), Optional.of(new MessageId(id)));
    }
}
