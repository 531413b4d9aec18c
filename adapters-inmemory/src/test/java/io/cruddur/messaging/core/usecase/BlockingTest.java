package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.MessagingPort;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Someone blocked cannot write to the one who blocked them; the blocker reads and writes as before. */
class BlockingTest {
    private final World world = new World();
    private final User gkar = world.memory.seedUser("gkar", "G'Kar");

    @Test
    void someone_blocked_neither_starts_a_conversation_with_the_blocker_nor_sends_in_their_pair() {
        MessageGroupId pair = world.start(world.andrew, world.bayko, "hi bayko").groupId();

        assertThat(world.messaging.block(world.andrew, world.bayko.handle())).isEqualTo(world.bayko);

        assertRefused(() -> world.send(world.bayko, pair, "let me explain"), ErrorCode.BLOCKED);
        assertRefused(() -> world.start(world.bayko, world.andrew, "please"), ErrorCode.BLOCKED);
        assertThat(world.messages(world.andrew, pair, PageRequest.first()).messages()).hasSize(1);
        world.send(world.andrew, pair, "the blocker still writes");
        assertThat(world.messages(world.bayko, pair, PageRequest.first()).messages()).as("and both still read")
                .hasSize(2);
        world.send(world.bayko, world.start(world.bayko, world.londo, "hi londo").groupId(), "others are unaffected");
    }

    @Test
    void unblocking_lets_them_write_again_and_either_is_done_once_however_often_asked() {
        MessageGroupId pair = world.start(world.andrew, world.bayko, "hi bayko").groupId();
        world.messaging.block(world.andrew, world.bayko.handle());
        world.messaging.block(world.andrew, world.bayko.handle());
        world.messaging.block(world.andrew, world.londo.handle());
        assertThat(world.messaging.listBlocks(world.andrew)).containsExactly(world.bayko, world.londo);

        world.messaging.unblock(world.andrew, world.bayko.handle());
        world.messaging.unblock(world.andrew, world.bayko.handle());

        assertThat(world.messaging.listBlocks(world.andrew)).containsExactly(world.londo);
        world.send(world.bayko, pair, "thanks");
        assertThat(world.messaging.listBlocks(world.bayko)).isEmpty();
    }

    @Test
    void someone_blocked_cannot_bring_the_blocker_into_a_group_but_a_group_they_share_goes_on() {
        MessageGroupId shared = world.messaging.startGroup(new StartGroupCommand(world.londo,
                List.of(world.andrew.handle(), world.bayko.handle()), Optional.empty(), new MessageText("all of us"),
                Optional.empty())).groupId();
        MessageGroupId baykos = world.messaging.startGroup(new StartGroupCommand(world.bayko,
                List.of(world.londo.handle(), gkar.handle()), Optional.empty(), new MessageText("without andrew"),
                Optional.empty())).groupId();
        world.messaging.block(world.andrew, world.bayko.handle());

        world.send(world.bayko, shared, "blocking removes nobody from a group");
        assertRefused(() -> world.messaging.startGroup(new StartGroupCommand(world.bayko,
                List.of(world.londo.handle(), world.andrew.handle()), Optional.empty(), new MessageText("with andrew"),
                Optional.empty())), ErrorCode.BLOCKED);
        assertRefused(() -> world.messaging.addMembers(new AddMembersCommand(world.bayko, baykos,
                List.of(world.andrew.handle()))), ErrorCode.BLOCKED);
        world.messaging.addMembers(new AddMembersCommand(world.londo, baykos, List.of(world.andrew.handle())));
        assertThat(world.messaging.listMembers(world.andrew, baykos)).hasSize(4);
        assertThat(world.messages(world.andrew, shared, PageRequest.first()).messages()).hasSize(2);
    }

    @Test
    void someone_blocked_cannot_edit_what_the_blocker_reads_but_may_still_delete_it() {
        MessageGroupId pair = world.start(world.andrew, world.bayko, "hi bayko").groupId();
        Message sent = world.send(world.bayko, pair, "something I regret");
        world.messaging.block(world.andrew, world.bayko.handle());

        assertRefused(() -> world.messaging.editMessage(new EditMessageCommand(world.bayko, pair, sent.id(),
                new MessageText("something worse"))), ErrorCode.BLOCKED);
        assertThat(world.messaging.deleteMessage(new DeleteMessageCommand(world.bayko, pair, sent.id())).deleted())
                .isTrue();
    }

    @Test
    void a_host_that_sees_one_row_of_a_pair_in_a_lagging_index_still_knows_both_members_and_the_block() {
        MessageGroupId pair = world.start(world.andrew, world.bayko, "hi bayko").groupId();
        world.messaging.block(world.andrew, world.bayko.handle());
        MessagingPort lagging = new ForwardingMessagingPort(world.memory.messagesPort()) {
            @Override
            public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
                return super.rowsOfGroup(group).stream().filter(row -> row.owner().equals(world.bayko.id())).toList();
            }
        };
        Messaging otherHost = Messaging.builder().messages(lagging).users(world.memory.usersPort()).build();

        assertRefused(() -> otherHost.sendMessage(new SendMessageCommand(world.bayko, pair, new MessageText("hello?"),
                Optional.empty())), ErrorCode.BLOCKED);
    }

    @Test
    void blocking_oneself_or_nobody_is_refused() {
        assertRefused(() -> world.messaging.block(world.andrew, world.andrew.handle()), ErrorCode.BLOCK_SELF);
        assertRefused(() -> world.messaging.unblock(world.andrew, new Handle("ANDREWBROWN")), ErrorCode.BLOCK_SELF);
        assertRefused(() -> world.messaging.block(world.andrew, new Handle("nobody")), ErrorCode.HANDLE_NOT_FOUND);
        assertRefused(() -> world.messaging.unblock(world.andrew, new Handle("nobody")), ErrorCode.HANDLE_NOT_FOUND);
        assertThat(world.messaging.listBlocks(world.andrew)).isEmpty();
    }
}
