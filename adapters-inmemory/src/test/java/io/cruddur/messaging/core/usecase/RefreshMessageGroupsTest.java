package io.cruddur.messaging.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.AppendOutcome;
import io.cruddur.messaging.core.port.BatchOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.RowChange;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Keeping group rows current, on its own: storage without a feed, so the test decides when a
 * batch of new messages is handled and what it holds.
 */
class RefreshMessageGroupsTest {
    private final MutableClock clock = new MutableClock(World.START);
    private final InMemoryMessagingPort storage = new InMemoryMessagingPort();
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final User andrew = register("andrewbrown");
    private final User bayko = register("bayko");
    private final User londo = register("londo");

    @Test
    void a_new_message_moves_every_members_row_forward() {
        Messaging messaging = over(storage);
        MessageGroupId group = start(messaging, bayko);
        Message reply = send(messaging, group, "reply", 10);
        assertThat(rowTexts(messaging, andrew)).as("rows wait for the batch").containsExactly("hello");

        assertThat(messaging.refreshMessageGroups(List.of(reply))).isEqualTo(BatchOutcome.done(2));

        assertThat(rowTexts(messaging, andrew)).containsExactly("reply");
        assertThat(rowTexts(messaging, bayko)).containsExactly("reply");
    }

    @Test
    void a_repeated_or_late_message_changes_nothing() {
        Messaging messaging = over(storage);
        MessageGroupId group = start(messaging, bayko);
        Message earlier = send(messaging, group, "earlier", 10);
        Message later = send(messaging, group, "later", 20);
        messaging.refreshMessageGroups(List.of(later));

        assertThat(messaging.refreshMessageGroups(List.of(later)).advancedRows()).isZero();
        assertThat(messaging.refreshMessageGroups(List.of(earlier)).advancedRows()).isZero();

        assertThat(rowTexts(messaging, andrew)).containsExactly("later");
        assertThat(rows(messaging, bayko).get(0).lastMessageAt()).isEqualTo(later.createdAt());
    }

    @Test
    void several_messages_of_a_group_move_its_rows_once_to_the_newest_and_the_listener_hears_each_in_order() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        CountingPort counting = new CountingPort(storage);
        Messaging messaging = Messaging.builder().messages(counting).users(directory).clock(clock)
                .refreshListener((message, result) -> heard.add(message.text().value())).build();
        MessageGroupId group = start(messaging, bayko);
        Message first = send(messaging, group, "first", 10);
        Message second = send(messaging, group, "second", 20);
        Message newest = send(messaging, group, "newest", 30);
        counting.advances.set(0);

        BatchOutcome outcome = messaging.refreshMessageGroups(List.of(first, newest, second));

        assertThat(outcome).isEqualTo(BatchOutcome.done(2));
        assertThat(counting.advances).as("one write moves both rows").hasValue(1);
        assertThat(rowTexts(messaging, andrew)).containsExactly("newest");
        assertThat(rowTexts(messaging, bayko)).containsExactly("newest");
        assertThat(heard).containsExactly("first", "newest", "second");
    }

    @Test
    void each_group_of_a_batch_moves_to_its_own_newest_message() {
        Messaging messaging = over(storage);
        MessageGroupId withBayko = start(messaging, bayko);
        MessageGroupId withLondo = start(messaging, londo);
        Message toBayko = send(messaging, withBayko, "to bayko", 10);
        Message toLondo = send(messaging, withLondo, "to londo", 20);
        Message toBaykoAgain = send(messaging, withBayko, "to bayko again", 30);

        assertThat(messaging.refreshMessageGroups(List.of(toBayko, toLondo, toBaykoAgain)))
                .isEqualTo(BatchOutcome.done(4));

        assertThat(rowTexts(messaging, andrew)).containsExactly("to bayko again", "to londo");
        assertThat(rowTexts(messaging, bayko)).containsExactly("to bayko again");
        assertThat(rowTexts(messaging, londo)).containsExactly("to londo");
    }

    @Test
    void the_groups_of_a_batch_move_at_once_so_a_slow_group_holds_up_no_other() {
        Messaging setup = over(storage);
        MessageGroupId slow = start(setup, bayko);
        MessageGroupId quick = start(setup, londo);
        Message toSlow = send(setup, slow, "to the slow group", 10);
        Message toQuick = send(setup, quick, "to the quick group", 20);
        CountDownLatch quickMoved = new CountDownLatch(1);
        MessagingPort slowForOne = new ForwardingMessagingPort(storage) {
            @Override
            public RowsAdvance replaceGroupRows(List<RowChange> changes) {
                if (changes.get(0).before().groupId().equals(slow) && !awaitQuietly(quickMoved)) {
                    throw new MessagingException(ErrorCode.STORAGE_CONTENDED, "the other group never moved meanwhile");
                }
                RowsAdvance moved = super.replaceGroupRows(changes);
                quickMoved.countDown();
                return moved;
            }
        };
        Messaging messaging = Messaging.builder().messages(slowForOne).users(directory).clock(clock)
                .refreshConcurrency(2).build();

        assertThat(messaging.refreshMessageGroups(List.of(toSlow, toQuick))).isEqualTo(BatchOutcome.done(4));
    }

    @Test
    void a_failing_group_leaves_the_others_done_and_the_outcome_names_its_first_message() {
        Messaging setup = over(storage);
        MessageGroupId withBayko = start(setup, bayko);
        MessageGroupId withLondo = start(setup, londo);
        Message toBayko = send(setup, withBayko, "to bayko", 10);
        Message toLondo = send(setup, withLondo, "to londo", 20);
        Message toLondoAgain = send(setup, withLondo, "to londo again", 30);
        Messaging messaging = over(new OvertakenPort(storage, withLondo));

        BatchOutcome outcome = messaging.refreshMessageGroups(List.of(toBayko, toLondo, toLondoAgain));

        assertThat(outcome).isEqualTo(new BatchOutcome(2, OptionalInt.of(1)));
        assertThat(rowTexts(messaging, bayko)).containsExactly("to bayko");
        assertThat(rowTexts(messaging, londo)).containsExactly("hello");
    }

    @Test
    void rows_are_remembered_so_the_next_message_moves_them_without_reading_first() {
        CountingPort counting = new CountingPort(storage);
        Messaging messaging = over(counting);
        MessageGroupId group = start(messaging, bayko);
        messaging.refreshMessageGroups(List.of(send(messaging, group, "one", 10)));
        counting.reads.set(0);
        counting.advances.set(0);

        messaging.refreshMessageGroups(List.of(send(messaging, group, "two", 20)));

        assertThat(counting.reads).hasValue(0);
        assertThat(counting.advances).hasValue(1);
        assertThat(rowTexts(messaging, andrew)).containsExactly("two");
    }

    @Test
    void rows_moved_by_another_writer_are_read_again_and_end_on_the_newest() {
        Messaging messaging = over(storage);
        Messaging otherWorker = over(storage);
        MessageGroupId group = start(messaging, bayko);
        messaging.refreshMessageGroups(List.of(send(messaging, group, "one", 10)));
        otherWorker.refreshMessageGroups(List.of(send(messaging, group, "two", 20)));

        BatchOutcome outcome = messaging.refreshMessageGroups(List.of(send(messaging, group, "three", 30)));

        assertThat(outcome).isEqualTo(BatchOutcome.done(2));
        assertThat(rowTexts(messaging, andrew)).containsExactly("three");
        assertThat(rowTexts(messaging, bayko)).containsExactly("three");
    }

    @Test
    void rows_that_keep_moving_under_it_fail_the_group_for_delivery_again() {
        Messaging messaging = over(new OvertakenPort(storage, null));
        MessageGroupId group = start(messaging, bayko);
        Message reply = send(messaging, group, "reply", 10);

        assertThat(messaging.refreshMessageGroups(List.of(reply))).isEqualTo(new BatchOutcome(0, OptionalInt.of(0)));
    }

    @Test
    void rows_not_visible_yet_are_looked_for_again() {
        LaggingIndexPort lagging = new LaggingIndexPort(storage);
        Messaging messaging = over(lagging);
        MessageGroupId group = start(messaging, bayko);
        Message reply = send(messaging, group, "reply", 10);
        lagging.hideNext(2);

        assertThat(messaging.refreshMessageGroups(List.of(reply))).isEqualTo(BatchOutcome.done(2));
        assertThat(rowTexts(messaging, bayko)).containsExactly("reply");
    }

    @Test
    void the_listener_hears_each_message_with_the_groups_members() {
        List<RefreshResult> heard = new ArrayList<>();
        Messaging messaging = Messaging.builder().messages(storage).users(directory).clock(clock)
                .refreshListener((message, result) -> heard.add(result)).build();
        MessageGroupId group = start(messaging, bayko);
        Message reply = send(messaging, group, "reply", 10);

        messaging.refreshMessageGroups(List.of(reply));
        messaging.refreshMessageGroups(List.of(reply));

        assertThat(heard).containsExactly(
                new RefreshResult(2, Set.of(andrew.id(), bayko.id())),
                new RefreshResult(0, Set.of(andrew.id(), bayko.id())));
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void a_read_of_a_group_that_shows_only_some_of_its_rows_is_read_again_and_never_kept() {
        PartialIndexPort partial = new PartialIndexPort(storage);
        Messaging messaging = over(partial);
        MessageGroupId group = messaging.startGroup(new StartGroupCommand(andrew, List.of(bayko.handle(), londo.handle()),
                Optional.empty(), new MessageText("hello"), Optional.empty())).groupId();
        partial.showOnlyOneRowNext(1);
        Message reply = send(messaging, group, "reply", 10);

        assertThat(messaging.refreshMessageGroups(List.of(reply))).isEqualTo(BatchOutcome.done(3));
        partial.showOnlyOneRowNext(Integer.MAX_VALUE);
        Message later = send(messaging, group, "later", 20);
        messaging.refreshMessageGroups(List.of(later));

        for (User member : List.of(andrew, bayko, londo)) {
            assertThat(rowTexts(messaging, member)).as("%s's row", member.handle()).containsExactly("later");
        }
    }

    private User register(String handle) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty()))
                .user();
    }

    @Test
    void an_edit_never_rewrites_rows_that_moved_on_to_a_newer_message_while_it_was_followed() {
        MessageGroupId group = new MessageGroupId(UUID.randomUUID());
        Message first = new Message(new MessageId(UUID.randomUUID()), group,
                andrew, new MessageText("first"), World.START);
        storage.startConversation(new NewConversation(andrew, bayko, first));
        Message second = appended(new Message(new MessageId(UUID.randomUUID()),
                group, bayko, new MessageText("second"), World.START.plusSeconds(1)));
        advance(storage.rowsOfGroup(group), second);
        Message edited = second.editedTo(new MessageText("second, edited"), World.START.plusSeconds(2));
        storage.reviseMessage(second, edited);
        Message third = new Message(new MessageId(UUID.randomUUID()), group,
                andrew, new MessageText("third"), World.START.plusSeconds(3));
        AtomicInteger latestReads = new AtomicInteger();
        RefreshMessageGroups followsEdits = new RefreshMessageGroups(new ForwardingMessagingPort(storage) {
            @Override
            public Slice<Message> messages(MessageGroupId asked,
                    SliceQuery query) {
                Slice<Message> read = super.messages(asked, query);
                if (latestReads.getAndIncrement() == 0) {
                    // a newer message lands, and its rows move, right after the latest was read
                    Message stored = appended(third);
                    advance(storage.rowsOfGroup(group), stored);
                }
                return read;
            }
        });

        followsEdits.handle(List.of(edited));

        assertThat(storage.rowsOfGroup(group)).hasSize(2).allSatisfy(row -> {
            assertThat(row.lastMessage().value()).isEqualTo("third");
            assertThat(row.lastMessageAt()).isEqualTo(third.createdAt());
        });
    }

    private Message appended(Message message) {
        return ((AppendOutcome.Appended) storage.appendMessage(message)).stored();
    }

    private Messaging over(MessagingPort port) {
        return Messaging.builder().messages(port).users(directory).clock(clock).build();
    }

    private MessageGroupId start(Messaging messaging, User other) {
        return messaging.startConversation(new StartConversationCommand(
                andrew, other.handle(), new MessageText("hello"), Optional.empty())).groupId();
    }

    private Message send(Messaging messaging, MessageGroupId group, String text, int secondsLater) {
        clock.set(World.START.plusSeconds(secondsLater));
        return messaging.sendMessage(new SendMessageCommand(andrew, group, new MessageText(text), Optional.empty()));
    }

    private static List<String> rowTexts(Messaging messaging, User owner) {
        return rows(messaging, owner).stream().map(row -> row.lastMessage().value()).toList();
    }

    private static List<MessageGroupRow> rows(Messaging messaging, User owner) {
        return messaging.listMessageGroups(new ListMessageGroupsQuery(owner, PageRequest.first())).groups();
    }

    /** Counts the reads of a group's rows and the writes that move them. */
    private static final class CountingPort extends ForwardingMessagingPort {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger advances = new AtomicInteger();

        CountingPort(MessagingPort storage) {
            super(storage);
        }

        @Override
        public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
            reads.incrementAndGet();
            return super.rowsOfGroup(group);
        }

        @Override
        public RowsAdvance replaceGroupRows(List<RowChange> changes) {
            advances.incrementAndGet();
            return super.replaceGroupRows(changes);
        }
    }

    /** Storage where the rows of one group (or every group, for null) have always just been moved by someone else. */
    private static final class OvertakenPort extends ForwardingMessagingPort {
        private final MessageGroupId overtaken;

        OvertakenPort(MessagingPort storage, MessageGroupId overtaken) {
            super(storage);
            this.overtaken = overtaken;
        }

        @Override
        public RowsAdvance replaceGroupRows(List<RowChange> changes) {
            if (overtaken == null || changes.get(0).before().groupId().equals(overtaken)) {
                return new RowsAdvance.Outdated();
            }
            return super.replaceGroupRows(changes);
        }
    }

    /** An eventually consistent group index: the next few reads of a group's rows find none. */
    private static final class LaggingIndexPort extends ForwardingMessagingPort {
        private final AtomicInteger hidden = new AtomicInteger();

        LaggingIndexPort(MessagingPort storage) {
            super(storage);
        }

        void hideNext(int reads) {
            hidden.set(reads);
        }

        @Override
        public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
            return hidden.getAndDecrement() > 0 ? List.of() : super.rowsOfGroup(group);
        }
    }

    /** An eventually consistent group index that, for the next few reads, shows one row of a group. */
    private static final class PartialIndexPort extends ForwardingMessagingPort {
        private final AtomicInteger partial = new AtomicInteger();

        PartialIndexPort(MessagingPort storage) {
            super(storage);
        }

        void showOnlyOneRowNext(int reads) {
            partial.set(reads);
        }

        @Override
        public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
            List<MessageGroupRow> rows = super.rowsOfGroup(group);
            return partial.getAndDecrement() > 0 && !rows.isEmpty() ? rows.subList(0, 1) : rows;
        }
    }

    private void advance(List<MessageGroupRow> rows, Message to) {
        storage.replaceGroupRows(rows.stream()
                .map(row -> new RowChange(row, row.advancedTo(to.text(), to.createdAt()))).toList());
    }
}
