package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class StartConversationTest {
    private final World world = new World();

    @Test
    void starting_makes_a_group_with_both_rows_and_the_first_message() {
        ConversationStarted started = world.start(world.andrew, world.bayko, "hello bayko");

        assertThat(started.newGroup()).isTrue();
        assertThat(started.message().sender()).isEqualTo(world.andrew);
        assertThat(world.messages(world.bayko, started.groupId(), PageRequest.first()).messages())
                .containsExactly(started.message());
        assertThat(world.groups(world.bayko).groups()).containsExactly(new MessageGroupRow(world.bayko.id(),
                started.groupId(), world.andrew, new MessageText("hello bayko"), started.message().createdAt(),
                ReadState.nothingRead(1)));
        assertThat(world.groups(world.andrew).groups()).extracting(MessageGroupRow::counterpart)
                .containsExactly(new Counterpart.Person(world.bayko));
    }

    @Test
    void the_recipient_is_found_by_handle_regardless_of_case_and_at_sign() {
        ConversationStarted started = world.messaging.startConversation(
                StartConversationCommand.parse(world.andrew, "@BAYKO", "hi", null));

        assertThat(world.groups(world.bayko).groups()).extracting(MessageGroupRow::groupId)
                .containsExactly(started.groupId());
    }

    @Test
    void an_unknown_handle_is_refused_and_nothing_is_created() {
        assertRefused(() -> world.messaging.startConversation(new StartConversationCommand(
                world.andrew, new Handle("nobody"), new MessageText("hello?"), Optional.empty())),
                ErrorCode.HANDLE_NOT_FOUND);

        assertThat(world.groups(world.andrew).groups()).isEmpty();
    }

    @Test
    void a_conversation_with_oneself_is_refused() {
        assertRefused(() -> world.start(world.andrew, world.andrew, "note to self"), ErrorCode.CONVERSATION_WITH_SELF);
    }

    @Test
    void starting_again_from_either_side_reuses_the_pairs_group() {
        MessageGroupId group = world.start(world.andrew, world.bayko, "first").groupId();

        ConversationStarted again = world.start(world.bayko, world.andrew, "second");

        assertThat(again.newGroup()).isFalse();
        assertThat(again.groupId()).isEqualTo(group);
        assertThat(world.messages(world.andrew, group, PageRequest.first()).messages())
                .extracting(message -> message.text().value()).containsExactly("first", "second");
        assertThat(world.groups(world.andrew).groups()).singleElement()
                .extracting(MessageGroupRow::lastMessage).isEqualTo(new MessageText("second"));
    }

    @Test
    void concurrent_starts_from_both_sides_make_one_group() throws Exception {
        int starters = 8;
        ExecutorService pool = Executors.newFixedThreadPool(starters);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ConversationStarted>> starts = new ArrayList<>();
        for (int i = 0; i < starters; i++) {
            User starter = i % 2 == 0 ? world.andrew : world.bayko;
            User recipient = i % 2 == 0 ? world.bayko : world.andrew;
            String text = "race " + i;
            starts.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return world.messaging.startConversation(new StartConversationCommand(
                        starter, recipient.handle(), new MessageText(text), Optional.empty()));
            }, pool));
        }
        go.countDown();
        List<ConversationStarted> results = starts.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        assertThat(results).extracting(ConversationStarted::groupId).containsOnly(results.get(0).groupId());
        assertThat(results).filteredOn(ConversationStarted::newGroup).hasSize(1);
        assertThat(world.groups(world.andrew).groups()).hasSize(1);
        assertThat(world.groups(world.bayko).groups()).hasSize(1);
        assertThat(world.messages(world.andrew, results.get(0).groupId(), PageRequest.first()).messages())
                .hasSize(starters);
    }

    @Test
    void a_retried_start_returns_the_same_message_and_stores_it_once() {
        StartConversationCommand command = new StartConversationCommand(
                world.andrew, world.bayko.handle(), new MessageText("are you there?"),
                Optional.of(new MessageId(UUID.randomUUID())));

        ConversationStarted first = world.messaging.startConversation(command);
        ConversationStarted retried = world.messaging.startConversation(command);

        assertThat(retried.groupId()).isEqualTo(first.groupId());
        assertThat(retried.message()).isEqualTo(first.message());
        assertThat(world.messages(world.andrew, first.groupId(), PageRequest.first()).messages()).hasSize(1);
    }

    @Test
    void a_client_message_id_used_elsewhere_is_refused() {
        MessageId id = new MessageId(UUID.randomUUID());
        world.messaging.startConversation(new StartConversationCommand(
                world.andrew, world.bayko.handle(), new MessageText("hi"), Optional.of(id)));

        assertRefused(() -> world.messaging.startConversation(new StartConversationCommand(
                world.andrew, world.londo.handle(), new MessageText("hi"), Optional.of(id))),
                ErrorCode.MESSAGE_UUID_REUSED);
        assertThat(world.groups(world.londo).groups()).isEmpty();
    }

    @Test
    void client_input_is_refused_with_every_problem_at_once() {
        assertRefused(() -> StartConversationCommand.parse(world.andrew, "@", "", null),
                ErrorCode.MESSAGE_BLANK, ErrorCode.USER_RECIEVER_HANDLE_BLANK);
        assertRefused(() -> StartConversationCommand.parse(world.andrew, "no spaces", "hi", null),
                ErrorCode.HANDLE_INVALID);
        assertRefused(() -> StartConversationCommand.parse(world.andrew, Fixtures.uniqueHandle("x").value(), "hi", "42"),
                ErrorCode.MESSAGE_UUID_INVALID);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
