package io.cruddur.messaging.core.contract;

import static io.cruddur.messaging.core.contract.Fixtures.T0;
import static io.cruddur.messaging.core.contract.Fixtures.message;
import static io.cruddur.messaging.core.contract.Fixtures.newGroup;
import static io.cruddur.messaging.core.contract.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.GroupTitle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.AppendOutcome;
import io.cruddur.messaging.core.port.MembershipChange;
import io.cruddur.messaging.core.port.MembershipOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.RevisionOutcome;
import io.cruddur.messaging.core.port.RowChange;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.port.StartOutcome;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessagingPort} must do. An adapter's test extends this class and supplies
 * its port; the port may be shared by all tests, which only ever use fresh ids.
 */
public abstract class MessagingPortContract {
    private static final int CONCURRENT_WRITERS = 8;

    private MessagingPort port;

    protected abstract MessagingPort port();

    @BeforeEach
    void takePort() {
        port = port();
    }

    @Test
    void an_unknown_group_has_no_messages_and_no_rows() {
        MessageGroupId nowhere = newGroup();

        assertThat(port.messages(nowhere, SliceQuery.newest(10))).isEqualTo(Slice.empty());
        assertThat(port.rowsOfGroup(nowhere)).isEmpty();
        assertThat(port.groupRows(user("nobody").id(), SliceQuery.newest(10))).isEqualTo(Slice.empty());
    }

    @Test
    void messages_come_newest_first_and_page_back_to_the_oldest() {
        List<Message> conversation = conversationOf(5);

        Slice<Message> first = port.messages(groupOf(conversation), SliceQuery.newest(2));
        assertThat(texts(first)).containsExactly("message 5", "message 4");
        assertThat(first.more()).isTrue();

        Slice<Message> second = port.messages(groupOf(conversation), SliceQuery.olderThan(timeOfLast(first), 2));
        assertThat(texts(second)).containsExactly("message 3", "message 2");
        assertThat(second.more()).isTrue();

        Slice<Message> last = port.messages(groupOf(conversation), SliceQuery.olderThan(timeOfLast(second), 2));
        assertThat(texts(last)).containsExactly("message 1");
        assertThat(last.more()).isFalse();
    }

    @Test
    void a_slice_that_ends_at_the_last_message_promises_no_more() {
        List<Message> conversation = conversationOf(4);
        MessageGroupId group = groupOf(conversation);

        Slice<Message> first = port.messages(group, SliceQuery.newest(2));
        Slice<Message> second = port.messages(group, SliceQuery.olderThan(timeOfLast(first), 2));

        assertThat(texts(second)).containsExactly("message 2", "message 1");
        assertThat(second.more()).isFalse();
        assertThat(port.messages(group, SliceQuery.newest(4)).more()).isFalse();
        assertThat(port.messages(group, SliceQuery.newest(5)).items()).hasSize(4);
    }

    @Test
    void messages_page_forward_from_a_position() {
        List<Message> conversation = conversationOf(5);
        MessageGroupId group = groupOf(conversation);

        Slice<Message> first = port.messages(group, SliceQuery.newerThan(conversation.get(0).createdAt(), 2));
        assertThat(texts(first)).containsExactly("message 2", "message 3");
        assertThat(first.more()).isTrue();

        Slice<Message> last = port.messages(group, SliceQuery.newerThan(timeOfLast(first), 2));
        assertThat(texts(last)).containsExactly("message 4", "message 5");
        assertThat(last.more()).isFalse();
    }

    @Test
    void two_messages_with_the_same_timestamp_both_survive() {
        List<Message> conversation = conversationOf(1);
        MessageGroupId group = groupOf(conversation);
        User sender = conversation.get(0).sender();
        Instant sameTime = T0.plusSeconds(60);

        Message first = appended(port.appendMessage(message(group, sender, "first at noon", sameTime)));
        Message second = appended(port.appendMessage(message(group, sender, "second at noon", sameTime)));

        assertThat(first.createdAt()).isEqualTo(sameTime);
        assertThat(second.createdAt()).isAfter(first.createdAt());
        assertThat(texts(port.messages(group, SliceQuery.newest(10))))
                .containsExactly("second at noon", "first at noon", "message 1");
    }

    @Test
    void a_message_that_asks_for_a_time_before_the_groups_latest_is_stored_right_after_it() {
        List<Message> conversation = conversationOf(3);
        MessageGroupId group = groupOf(conversation);
        Instant latest = conversation.get(2).createdAt();

        Message late = appended(port.appendMessage(message(group, conversation.get(0).sender(), "late", T0)));

        assertThat(late.createdAt()).isEqualTo(latest.plus(1, ChronoUnit.MICROS));
        assertThat(texts(port.messages(group, SliceQuery.newest(10))))
                .containsExactly("late", "message 3", "message 2", "message 1");
    }

    @Test
    void concurrent_senders_asking_for_earlier_times_are_all_stored_after_the_groups_latest() throws Exception {
        List<Message> conversation = conversationOf(2);
        MessageGroupId group = groupOf(conversation);
        Instant latest = conversation.get(1).createdAt();
        List<Callable<Message>> sends = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_WRITERS; i++) {
            Message asked = message(group, user("sender" + i), "concurrent " + i, T0.plusMillis(i));
            sends.add(() -> appended(port.appendMessage(asked)));
        }

        List<Message> stored = runTogether(sends);

        assertThat(stored).extracting(Message::createdAt).doesNotHaveDuplicates().allSatisfy(at ->
                assertThat(at).isAfter(latest));
        assertThat(port.messages(group, SliceQuery.newest(20)).items()).hasSize(CONCURRENT_WRITERS + 2);
    }

    @Test
    void a_rows_read_state_is_written_and_read_back_whether_it_moves_or_stays() {
        List<Message> conversation = conversationOf(1);
        List<MessageGroupRow> rows = port.rowsOfGroup(groupOf(conversation));
        MessageText later = new MessageText("later news");
        ReadState someRead = new ReadState(Optional.of(T0), 3);
        ReadState allRead = ReadState.readUpTo(T0.plusSeconds(30));

        port.replaceGroupRows(rows.stream()
                .map(row -> new RowChange(row, row.advancedTo(later, T0.plusSeconds(30)).withRead(someRead))).toList());
        MessageGroupRow moved = port.rowsOfGroup(groupOf(conversation)).get(0);
        RowsAdvance marked = port.replaceGroupRows(List.of(new RowChange(moved, moved.withRead(allRead))));

        assertThat(marked).isEqualTo(new RowsAdvance.Advanced(List.of(moved.withRead(allRead))));
        assertThat(port.rowsOfGroup(groupOf(conversation))).extracting(MessageGroupRow::owner, MessageGroupRow::read)
                .containsExactlyInAnyOrder(tuple(moved.owner(), allRead),
                        tuple(rows.stream().map(MessageGroupRow::owner).filter(owner -> !owner.equals(moved.owner()))
                                .findFirst().orElseThrow(), someRead));
        assertThat(port.groupRows(moved.owner(), SliceQuery.newest(10)).items())
                .containsExactly(moved.withRead(allRead));
    }

    @Test
    void a_move_of_rows_whose_read_state_changed_since_they_were_read_writes_nothing() {
        List<Message> conversation = conversationOf(1);
        List<MessageGroupRow> read = port.rowsOfGroup(groupOf(conversation));
        MessageGroupRow reader = read.stream().filter(row -> row.read().unread() == 1).findFirst().orElseThrow();
        port.replaceGroupRows(List.of(new RowChange(reader, reader.withRead(ReadState.readUpTo(T0)))));

        assertThat(advance(read, new MessageText("news"), T0.plusSeconds(5))).isEqualTo(new RowsAdvance.Outdated());
        assertThat(port.replaceGroupRows(List.of(new RowChange(reader, reader.withRead(ReadState.readUpTo(T0))))))
                .as("nor does marking read again over the row as it was").isEqualTo(new RowsAdvance.Outdated());
        assertThat(port.rowsOfGroup(groupOf(conversation))).extracting(MessageGroupRow::lastMessageAt).containsOnly(T0);
    }

    @Test
    void pattern_e_over_this_port_keeps_every_unread_count_equal_to_a_recount_whatever_the_senders_clocks()
            throws Exception {
        List<User> members = IntStream.range(0, 4).mapToObj(i -> user("member" + i)).toList();
        User lurker = members.get(3);
        Message hello = message(newGroup(), members.get(0), "hello", T0.plusSeconds(5));
        port.startConversation(new NewConversation(members.get(0), members.subList(1, 4), Optional.empty(), hello));
        RefreshMessageGroups refresh = new RefreshMessageGroups(port);
        List<Message> stored = new CopyOnWriteArrayList<>();
        List<Callable<Void>> senders = new ArrayList<>();
        for (User sender : members.subList(0, 3)) {
            senders.add(() -> {
                for (int i = 0; i < 10; i++) {
                    // dated up to five seconds either way, as hosts' clocks and pauses do
                    Instant dated = T0.plusSeconds(5).plusMillis(ThreadLocalRandom.current().nextInt(-5_000, 5_000));
                    Message sent = appended(port.appendMessage(message(hello.groupId(), sender, "from " + sender.handle(),
                            dated)));
                    stored.add(sent);
                    refresh.handle(List.of(sent));
                }
                return null;
            });
        }

        runTogether(senders);
        List<Message> shuffled = new ArrayList<>(stored);
        Collections.shuffle(shuffled);
        assertThat(refresh.handle(shuffled).complete()).as("a replay of everything, out of order").isTrue();

        List<Message> all = port.messages(hello.groupId(), SliceQuery.newest(100)).items();
        assertThat(all).hasSize(31);
        for (MessageGroupRow row : port.rowsOfGroup(hello.groupId())) {
            assertThat(row.lastMessageAt()).isEqualTo(all.get(0).createdAt());
            long recount = all.stream()
                    .filter(message -> !message.sender().id().equals(row.owner()))
                    .filter(message -> row.read().readUpTo().map(message.createdAt()::isAfter).orElse(true))
                    .count();
            assertThat(row.read().unread()).as("the count of %s", row.owner()).isEqualTo((int) recount);
        }
        assertThat(port.rowsOfGroup(hello.groupId())).filteredOn(row -> row.owner().equals(lurker.id()))
                .singleElement().extracting(row -> row.read().unread()).isEqualTo(31);
    }

    @Test
    void one_batch_that_brings_only_the_last_of_over_a_thousand_messages_counts_every_one() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        Message hello = message(newGroup(), andrew, "hello", T0);
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message last = hello;
        for (int i = 1; i <= 1_050; i++) {
            last = appended(port.appendMessage(message(hello.groupId(), andrew, "message " + i, T0.plusMillis(i))));
        }

        assertThat(new RefreshMessageGroups(port).handle(List.of(last)).complete()).isTrue();

        assertThat(port.rowsOfGroup(hello.groupId())).extracting(MessageGroupRow::owner, MessageGroupRow::read)
                .as("past 999, and across the slices the messages are read in")
                .containsExactlyInAnyOrder(tuple(bayko.id(), ReadState.nothingRead(1_051)),
                        tuple(andrew.id(), ReadState.readUpTo(last.createdAt())));
    }

    @Test
    void a_message_id_is_stored_once() {
        List<Message> conversation = conversationOf(1);
        Message reply = message(groupOf(conversation), conversation.get(0).sender(), "only once", T0.plusSeconds(5));

        Message stored = appended(port.appendMessage(reply));
        AppendOutcome retried = port.appendMessage(reply.at(T0.plusSeconds(9)));

        assertThat(retried).isEqualTo(new AppendOutcome.AlreadyStored(stored));
        assertThat(texts(port.messages(groupOf(conversation), SliceQuery.newest(10))))
                .containsExactly("only once", "message 1");
    }

    @Test
    void a_message_id_is_stored_once_across_groups() {
        List<Message> one = conversationOf(1);
        List<Message> other = conversationOf(1);
        Message stored = appended(port.appendMessage(
                message(groupOf(one), one.get(0).sender(), "here", T0.plusSeconds(5))));

        AppendOutcome elsewhere = port.appendMessage(stored.inGroup(groupOf(other)));

        assertThat(elsewhere).isEqualTo(new AppendOutcome.AlreadyStored(stored));
        assertThat(port.messages(groupOf(other), SliceQuery.newest(10)).items()).hasSize(1);
    }

    @Test
    void another_sender_may_use_the_same_id_and_stores_a_message_of_their_own() {
        List<Message> conversation = conversationOf(1);
        User other = user("other");
        Message first = appended(port.appendMessage(
                message(groupOf(conversation), conversation.get(0).sender(), "mine", T0.plusSeconds(5))));

        Message same = new Message(first.id(), groupOf(conversation), other, new MessageText("theirs"), T0.plusSeconds(6));
        Message theirs = appended(port.appendMessage(same));

        assertThat(theirs.id()).isEqualTo(first.id());
        assertThat(port.appendMessage(same.at(T0.plusSeconds(7)))).isEqualTo(new AppendOutcome.AlreadyStored(theirs));
        assertThat(texts(port.messages(groupOf(conversation), SliceQuery.newest(10))))
                .containsExactly("theirs", "mine", "message 1");
    }

    @Test
    void unicode_text_is_stored_exactly() {
        List<Message> conversation = conversationOf(1);
        MessageGroupId group = groupOf(conversation);
        User sender = conversation.get(0).sender();
        List<String> texts = List.of(
                "héllo wörld ✓",
                "家族👨‍👩‍👧‍👦 and 🎉",
                "שלום עולם",
                "e\u0301 combining and \u200b zero width",
                "line one\nline two\ttabbed",
                "🙂".repeat(MessageText.MAX_CHARACTERS));
        for (int i = 0; i < texts.size(); i++) {
            port.appendMessage(message(group, sender, texts.get(i), T0.plusSeconds(10 + i)));
        }

        List<String> stored = texts(port.messages(group, SliceQuery.newerThan(conversation.get(0).createdAt(), 10)));

        assertThat(stored).containsExactlyElementsOf(texts);
        assertThat(stored.get(5).codePointCount(0, stored.get(5).length())).isEqualTo(MessageText.MAX_CHARACTERS);
    }

    @Test
    void starting_a_conversation_writes_both_rows_and_the_first_message() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        Message hello = message(newGroup(), andrew, "hello bayko", T0);

        StartOutcome outcome = port.startConversation(new NewConversation(andrew, bayko, hello));

        assertThat(outcome).isEqualTo(new StartOutcome.Started(hello));
        assertThat(port.rowsOfGroup(hello.groupId())).containsExactlyInAnyOrder(
                new MessageGroupRow(andrew.id(), hello.groupId(), bayko, hello.text(), T0, ReadState.readUpTo(T0)),
                new MessageGroupRow(bayko.id(), hello.groupId(), andrew, hello.text(), T0, ReadState.nothingRead(1)));
        assertThat(port.groupRows(bayko.id(), SliceQuery.newest(10)).items()).containsExactly(
                new MessageGroupRow(bayko.id(), hello.groupId(), andrew, hello.text(), T0, ReadState.nothingRead(1)));
        assertThat(port.messages(hello.groupId(), SliceQuery.newest(10)).items()).containsExactly(hello);
    }

    @Test
    void a_pair_has_one_group_whoever_starts() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        Message hello = message(newGroup(), andrew, "hello", T0);
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message answer = message(newGroup(), bayko, "hi back", T0.plusSeconds(1));

        StartOutcome second = port.startConversation(new NewConversation(bayko, andrew, answer));

        assertThat(second).isEqualTo(new StartOutcome.PairExists(hello.groupId()));
        assertThat(port.messages(answer.groupId(), SliceQuery.newest(10)).items()).isEmpty();
        assertThat(port.rowsOfGroup(answer.groupId())).isEmpty();
        assertThat(port.groupRows(bayko.id(), SliceQuery.newest(10)).items()).hasSize(1);
        assertThat(port.appendMessage(answer.inGroup(hello.groupId()))).isInstanceOf(AppendOutcome.Appended.class);
    }

    @Test
    void concurrent_starts_of_one_pair_make_one_group() throws Exception {
        User andrew = user("andrew");
        User bayko = user("bayko");
        List<Callable<StartOutcome>> starts = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_WRITERS; i++) {
            User starter = i % 2 == 0 ? andrew : bayko;
            User recipient = i % 2 == 0 ? bayko : andrew;
            Message first = message(newGroup(), starter, "race " + i, T0.plusMillis(i));
            starts.add(() -> port.startConversation(new NewConversation(starter, recipient, first)));
        }

        List<StartOutcome> outcomes = runTogether(starts);

        List<StartOutcome.Started> started = outcomes.stream()
                .filter(StartOutcome.Started.class::isInstance).map(StartOutcome.Started.class::cast).toList();
        assertThat(started).hasSize(1);
        MessageGroupId winner = started.get(0).first().groupId();
        assertThat(outcomes).filteredOn(StartOutcome.PairExists.class::isInstance)
                .hasSize(CONCURRENT_WRITERS - 1)
                .allMatch(outcome -> ((StartOutcome.PairExists) outcome).existing().equals(winner));
        assertThat(port.groupRows(andrew.id(), SliceQuery.newest(10)).items()).hasSize(1);
        assertThat(port.groupRows(bayko.id(), SliceQuery.newest(10)).items()).hasSize(1);
        assertThat(port.rowsOfGroup(winner)).hasSize(2);
    }

    @Test
    void a_start_of_a_pair_that_has_its_group_with_a_message_id_taken_too_reports_the_pair() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        Message hello = message(newGroup(), andrew, "hello", T0);
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message retried = new Message(hello.id(), newGroup(), andrew, new MessageText("hello"), T0.plusSeconds(1));

        StartOutcome outcome = port.startConversation(new NewConversation(andrew, bayko, retried));

        assertThat(outcome).isEqualTo(new StartOutcome.PairExists(hello.groupId()));
        assertThat(port.messages(hello.groupId(), SliceQuery.newest(10)).items()).containsExactly(hello);
        assertThat(port.messages(retried.groupId(), SliceQuery.newest(10)).items()).isEmpty();
        assertThat(port.rowsOfGroup(retried.groupId())).isEmpty();
    }

    @Test
    void a_start_whose_message_id_is_taken_writes_nothing() {
        List<Message> conversation = conversationOf(1);
        Message taken = conversation.get(0);
        User stranger = user("stranger");
        Message reused = new Message(taken.id(), newGroup(), taken.sender(), new MessageText("again"), T0);

        StartOutcome outcome = port.startConversation(new NewConversation(taken.sender(), stranger, reused));

        assertThat(outcome).isEqualTo(new StartOutcome.MessageIdTaken(taken));
        assertThat(port.rowsOfGroup(reused.groupId())).isEmpty();
        assertThat(port.groupRows(stranger.id(), SliceQuery.newest(10)).items()).isEmpty();
        assertThat(port.startConversation(new NewConversation(taken.sender(), stranger,
                message(newGroup(), taken.sender(), "fresh id", T0)))).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void a_start_with_an_id_another_sender_used_goes_ahead() {
        Message elsewhere = conversationOf(1).get(0);
        User starter = user("starter");
        Message first = new Message(elsewhere.id(), newGroup(), starter, new MessageText("hello"), T0);

        StartOutcome outcome = port.startConversation(new NewConversation(starter, user("friend"), first));

        assertThat(outcome).isEqualTo(new StartOutcome.Started(first));
    }

    @Test
    void group_rows_come_most_recent_first_and_page() {
        User owner = user("owner");
        List<MessageGroupId> groups = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Message first = message(newGroup(), owner, "to friend " + i, T0.plusSeconds(i));
            port.startConversation(new NewConversation(owner, user("friend" + i), first));
            groups.add(first.groupId());
        }

        Slice<MessageGroupRow> page = port.groupRows(owner.id(), SliceQuery.newest(2));
        assertThat(page.items()).extracting(MessageGroupRow::groupId).containsExactly(groups.get(2), groups.get(1));
        assertThat(page.more()).isTrue();

        Slice<MessageGroupRow> rest = port.groupRows(owner.id(),
                SliceQuery.olderThan(page.items().get(1).lastMessageAt(), 2));
        assertThat(rest.items()).extracting(MessageGroupRow::groupId).containsExactly(groups.get(0));
        assertThat(rest.more()).isFalse();
    }

    @Test
    void rows_of_one_owner_at_the_same_time_both_survive() {
        User owner = user("owner");
        Message toFirst = message(newGroup(), owner, "same instant one", T0);
        Message toSecond = message(newGroup(), owner, "same instant two", T0);

        port.startConversation(new NewConversation(owner, user("first"), toFirst));
        port.startConversation(new NewConversation(owner, user("second"), toSecond));

        assertThat(port.groupRows(owner.id(), SliceQuery.newest(10)).items())
                .as("the second row is a microsecond later, so each keeps a key of its own")
                .extracting(MessageGroupRow::groupId, MessageGroupRow::lastMessageAt)
                .containsExactly(tuple(toSecond.groupId(), T0.plus(1, ChronoUnit.MICROS)), tuple(toFirst.groupId(), T0));
    }

    @Test
    void times_are_kept_to_the_microsecond_and_read_back_as_stored() {
        User andrew = user("andrew");
        Message first = message(newGroup(), andrew, "finer than storage keeps", T0.plusNanos(789));
        port.startConversation(new NewConversation(andrew, user("bayko"), first));
        Message stored = appended(port.appendMessage(
                message(first.groupId(), andrew, "and again", T0.plusSeconds(1).plusNanos(123))));

        assertThat(port.messages(first.groupId(), SliceQuery.newest(10)).items())
                .extracting(Message::createdAt).containsExactly(stored.createdAt(), T0);
        assertThat(stored.createdAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(port.rowsOfGroup(first.groupId())).extracting(MessageGroupRow::lastMessageAt).containsOnly(T0);
    }

    @Test
    void a_message_is_found_by_its_group_time_and_id_and_nothing_else_is() {
        List<Message> conversation = conversationOf(3);
        Message second = conversation.get(1);

        assertThat(port.findMessage(second.groupId(), second.createdAt(), second.id())).contains(second);
        assertThat(port.findMessage(second.groupId(), second.createdAt(), conversation.get(2).id())).isEmpty();
        assertThat(port.findMessage(second.groupId(), second.createdAt().plusNanos(1_000), second.id())).isEmpty();
        assertThat(port.findMessage(newGroup(), second.createdAt(), second.id())).isEmpty();
    }

    @Test
    void advancing_the_rows_moves_every_one_to_the_new_message() {
        List<Message> conversation = conversationOf(1);
        List<MessageGroupRow> rows = port.rowsOfGroup(groupOf(conversation));
        MessageText later = new MessageText("later news");

        RowsAdvance outcome = advance(rows, later, T0.plusSeconds(30));

        List<MessageGroupRow> expected = rows.stream().map(row -> row.advancedTo(later, T0.plusSeconds(30))).toList();
        assertThat(outcome).isEqualTo(new RowsAdvance.Advanced(expected));
        assertThat(port.rowsOfGroup(groupOf(conversation))).containsExactlyInAnyOrderElementsOf(expected);
        for (MessageGroupRow row : rows) {
            assertThat(port.groupRows(row.owner(), SliceQuery.newest(10)).items())
                    .containsExactly(row.advancedTo(later, T0.plusSeconds(30)));
        }
    }

    @Test
    void advancing_rows_of_which_one_moved_meanwhile_changes_none() {
        List<Message> conversation = conversationOf(1);
        List<MessageGroupRow> stale = port.rowsOfGroup(groupOf(conversation));
        MessageGroupRow movedByOther = stale.get(0);
        advance(List.of(movedByOther), new MessageText("newest"), T0.plusSeconds(30));

        RowsAdvance outcome = advance(stale, new MessageText("older news"), T0.plusSeconds(20));

        assertThat(outcome).isInstanceOf(RowsAdvance.Outdated.class);
        assertThat(port.rowsOfGroup(groupOf(conversation))).containsExactlyInAnyOrder(
                movedByOther.advancedTo(new MessageText("newest"), T0.plusSeconds(30)), stale.get(1));
    }

    @Test
    void concurrent_advances_of_the_same_rows_let_exactly_one_win() throws Exception {
        List<Message> conversation = conversationOf(1);
        List<MessageGroupRow> rows = port.rowsOfGroup(groupOf(conversation));
        List<Callable<RowsAdvance>> advances = new ArrayList<>();
        for (int i = 1; i <= CONCURRENT_WRITERS; i++) {
            Instant at = T0.plusSeconds(i);
            MessageText text = new MessageText("news " + i);
            advances.add(() -> advance(rows, text, at));
        }

        List<RowsAdvance> results = runTogether(advances);

        assertThat(results).filteredOn(RowsAdvance.Advanced.class::isInstance).hasSize(1);
        RowsAdvance.Advanced winner = (RowsAdvance.Advanced) results.stream()
                .filter(RowsAdvance.Advanced.class::isInstance).findFirst().orElseThrow();
        assertThat(port.rowsOfGroup(groupOf(conversation))).containsExactlyInAnyOrderElementsOf(winner.rows());
        for (MessageGroupRow row : rows) {
            assertThat(port.groupRows(row.owner(), SliceQuery.newest(10)).items()).hasSize(1);
        }
    }

    @Test
    void advancing_onto_the_time_of_another_row_keeps_both_a_microsecond_apart() {
        User owner = user("owner");
        Message toFirst = message(newGroup(), owner, "one", T0);
        Message toSecond = message(newGroup(), owner, "two", T0.plusSeconds(5));
        port.startConversation(new NewConversation(owner, user("first"), toFirst));
        port.startConversation(new NewConversation(owner, user("second"), toSecond));
        MessageGroupRow firstRow = port.rowsOfGroup(toFirst.groupId()).stream()
                .filter(row -> row.owner().equals(owner.id())).findFirst().orElseThrow();

        RowsAdvance outcome = advance(List.of(firstRow), new MessageText("caught up"), T0.plusSeconds(5));

        Instant bumped = T0.plusSeconds(5).plus(1, ChronoUnit.MICROS);
        assertThat(outcome).isEqualTo(new RowsAdvance.Advanced(
                List.of(firstRow.advancedTo(new MessageText("caught up"), bumped))));
        assertThat(port.groupRows(owner.id(), SliceQuery.newest(10)).items())
                .extracting(MessageGroupRow::groupId, MessageGroupRow::lastMessageAt)
                .containsExactly(tuple(toFirst.groupId(), bumped), tuple(toSecond.groupId(), T0.plusSeconds(5)));
    }

    @Test
    void more_rows_than_one_write_holds_are_refused_before_anything_is_written() {
        List<Message> conversation = conversationOf(1);
        MessageGroupRow row = port.rowsOfGroup(groupOf(conversation)).get(0);
        List<MessageGroupRow> tooMany = Collections.nCopies(MessagingPort.MAX_ROWS_PER_ADVANCE + 1, row);

        assertThatThrownBy(() -> advance(tooMany, new MessageText("x"), T0.plusSeconds(9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(port.rowsOfGroup(groupOf(conversation))).contains(row);
    }

    @Test
    void a_group_of_the_largest_size_starts_with_every_members_row_and_all_of_them_move_in_one_advance() {
        List<User> members = IntStream.range(0, MessagingPort.MAX_ROWS_PER_ADVANCE)
                .mapToObj(i -> user("member" + i)).toList();
        Optional<GroupTitle> title = Optional.of(new GroupTitle("Everyone"));
        Message hello = message(newGroup(), members.get(0), "hello all", T0);
        NewConversation group = new NewConversation(members.get(0), members.subList(1, members.size()), title, hello);

        assertThat(port.startConversation(group)).isEqualTo(new StartOutcome.Started(hello));
        List<MessageGroupRow> rows = port.rowsOfGroup(hello.groupId());
        assertThat(rows).containsExactlyInAnyOrderElementsOf(group.rows())
                .extracting(MessageGroupRow::counterpart)
                .containsOnly(new Counterpart.Group(title, "Everyone", MessagingPort.MAX_ROWS_PER_ADVANCE));
        assertThat(port.groupRows(members.get(49).id(), SliceQuery.newest(10)).items()).containsExactly(
                new MessageGroupRow(members.get(49).id(), hello.groupId(),
                        new Counterpart.Group(title, "Everyone", MessagingPort.MAX_ROWS_PER_ADVANCE), hello.text(), T0,
                        ReadState.nothingRead(1)));

        MessageText later = new MessageText("later news");
        RowsAdvance outcome = advance(rows, later, T0.plusSeconds(30));

        assertThat(outcome).isInstanceOf(RowsAdvance.Advanced.class);
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(MessagingPort.MAX_ROWS_PER_ADVANCE)
                .allSatisfy(row -> {
                    assertThat(row.lastMessage()).isEqualTo(later);
                    assertThat(row.lastMessageAt()).isEqualTo(T0.plusSeconds(30));
                    assertThat(row.counterpart()).isInstanceOf(Counterpart.Group.class);
                });
    }

    @Test
    void a_group_without_a_title_shows_each_member_the_others_names() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message hello = message(newGroup(), andrew, "hello both", T0);

        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));

        assertThat(port.groupRows(bayko.id(), SliceQuery.newest(10)).items())
                .extracting(MessageGroupRow::counterpart)
                .containsExactly(new Counterpart.Group(Optional.empty(),
                        andrew.displayName() + ", " + londo.displayName(), 3));
    }

    @Test
    void the_same_people_may_have_several_groups_and_their_pairs_stay_free() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message first = message(newGroup(), andrew, "first group", T0);
        Message second = message(newGroup(), andrew, "second group", T0.plusSeconds(1));
        Message pairMessage = message(newGroup(), andrew, "just us", T0.plusSeconds(2));

        assertThat(port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), first)))
                .isEqualTo(new StartOutcome.Started(first));
        assertThat(port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), second)))
                .isEqualTo(new StartOutcome.Started(second));
        assertThat(port.startConversation(new NewConversation(andrew, bayko, pairMessage)))
                .isEqualTo(new StartOutcome.Started(pairMessage));
        assertThat(port.groupRows(bayko.id(), SliceQuery.newest(10)).items()).extracting(MessageGroupRow::groupId)
                .containsExactly(pairMessage.groupId(), second.groupId(), first.groupId());
    }

    @Test
    void a_group_start_whose_message_id_is_taken_writes_nothing() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message sent = appended(port.appendMessage(message(newGroup(), andrew, "sent before", T0)));
        Message reused = new Message(sent.id(), newGroup(), andrew, new MessageText("a group"), T0.plusSeconds(1));

        StartOutcome outcome = port.startConversation(
                new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), reused));

        assertThat(outcome).isEqualTo(new StartOutcome.MessageIdTaken(sent));
        assertThat(port.rowsOfGroup(reused.groupId())).isEmpty();
        assertThat(port.messages(reused.groupId(), SliceQuery.newest(10))).isEqualTo(Slice.empty());
    }

    @Test
    void a_group_keeps_its_members_in_the_order_named_and_a_pair_or_an_unknown_group_has_none() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Optional<GroupTitle> title = Optional.of(new GroupTitle("Weekend"));
        Message hello = message(newGroup(), andrew, "hello both", T0);
        Message pairHello = message(newGroup(), andrew, "just us", T0);

        port.startConversation(new NewConversation(andrew, List.of(londo, bayko), title, hello));
        port.startConversation(new NewConversation(andrew, bayko, pairHello));

        assertThat(port.groupMembers(hello.groupId()))
                .contains(new GroupMembers(hello.groupId(), title, List.of(andrew, londo, bayko), 1));
        assertThat(port.groupMembers(pairHello.groupId())).isEmpty();
        assertThat(port.groupMembers(newGroup())).isEmpty();
    }

    @Test
    void members_who_join_get_rows_at_the_latest_message_and_every_row_shows_the_new_members() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        User mara = user("mara");
        Message hello = message(newGroup(), andrew, "hello both", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();
        GroupMembers after = before.with(List.of(mara));

        MembershipOutcome outcome = port.changeMembers(
                new MembershipChange(before, after, port.rowsOfGroup(hello.groupId())));

        assertThat(outcome).isInstanceOf(MembershipOutcome.Changed.class);
        assertThat(port.groupMembers(hello.groupId())).contains(after);
        assertThat(after.members()).containsExactly(andrew, bayko, londo, mara);
        assertThat(port.rowsOfGroup(hello.groupId())).containsExactlyInAnyOrderElementsOf(
                ((MembershipOutcome.Changed) outcome).rows())
                .hasSize(4)
                .allSatisfy(row -> {
                    assertThat(row.lastMessageAt()).isEqualTo(T0);
                    assertThat(row.lastMessage()).isEqualTo(hello.text());
                    assertThat(row.counterpart().members()).isEqualTo(4);
                });
        assertThat(port.rowsOfGroup(hello.groupId())).as("a joiner has read up to where they join; the others kept theirs")
                .extracting(MessageGroupRow::owner, MessageGroupRow::read)
                .containsExactlyInAnyOrder(tuple(andrew.id(), ReadState.readUpTo(T0)),
                        tuple(bayko.id(), ReadState.nothingRead(1)), tuple(londo.id(), ReadState.nothingRead(1)),
                        tuple(mara.id(), ReadState.readUpTo(T0)));
        assertThat(port.groupRows(mara.id(), SliceQuery.newest(10)).items()).extracting(MessageGroupRow::counterpart)
                .containsExactly(new Counterpart.Group(Optional.empty(),
                        andrew.displayName() + ", " + bayko.displayName() + ", " + londo.displayName(), 4));
        assertThat(port.groupRows(bayko.id(), SliceQuery.newest(10)).items()).extracting(MessageGroupRow::counterpart)
                .containsExactly(new Counterpart.Group(Optional.empty(),
                        andrew.displayName() + ", " + londo.displayName() + ", " + mara.displayName(), 4));
    }

    @Test
    void a_member_who_leaves_loses_their_row_and_the_others_show_one_member_fewer() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Optional<GroupTitle> title = Optional.of(new GroupTitle("Weekend"));
        Message hello = message(newGroup(), andrew, "hello both", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), title, hello));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();

        port.changeMembers(new MembershipChange(before, before.without(bayko.id()), port.rowsOfGroup(hello.groupId())));

        assertThat(port.groupRows(bayko.id(), SliceQuery.newest(10))).isEqualTo(Slice.empty());
        assertThat(port.rowsOfGroup(hello.groupId())).extracting(MessageGroupRow::owner, row -> row.counterpart())
                .containsExactlyInAnyOrder(
                        tuple(andrew.id(), new Counterpart.Group(title, "Weekend", 2)),
                        tuple(londo.id(), new Counterpart.Group(title, "Weekend", 2)));
        assertThat(port.groupMembers(hello.groupId()).orElseThrow().members()).containsExactly(andrew, londo);
    }

    @Test
    void when_the_last_member_leaves_the_group_keeps_no_rows_and_no_members() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message hello = message(newGroup(), andrew, "hello both", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));

        for (User leaving : List.of(bayko, andrew, londo)) {
            GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();
            assertThat(port.changeMembers(new MembershipChange(before, before.without(leaving.id()),
                    port.rowsOfGroup(hello.groupId())))).isInstanceOf(MembershipOutcome.Changed.class);
        }

        assertThat(port.rowsOfGroup(hello.groupId())).isEmpty();
        assertThat(port.groupMembers(hello.groupId())).map(GroupMembers::members).contains(List.of());
        assertThat(port.messages(hello.groupId(), SliceQuery.newest(10)).items()).containsExactly(hello);
    }

    @Test
    void a_change_from_members_another_change_replaced_writes_nothing() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message hello = message(newGroup(), andrew, "hello both", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();
        List<MessageGroupRow> rows = port.rowsOfGroup(hello.groupId());
        GroupMembers withMara = before.with(List.of(user("mara")));
        port.changeMembers(new MembershipChange(before, withMara, rows));

        MembershipOutcome late = port.changeMembers(new MembershipChange(before, before.with(List.of(user("kai"))),
                port.rowsOfGroup(hello.groupId()).stream().filter(row -> before.includes(row.owner())).toList()));

        assertThat(late).isEqualTo(new MembershipOutcome.Outdated());
        assertThat(port.groupMembers(hello.groupId())).contains(withMara);
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(4);
    }

    @Test
    void a_change_over_rows_a_new_message_moved_meanwhile_writes_nothing() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message hello = message(newGroup(), andrew, "hello both", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();
        List<MessageGroupRow> read = port.rowsOfGroup(hello.groupId());
        advance(read, new MessageText("news"), T0.plusSeconds(5));

        MembershipOutcome outcome = port.changeMembers(new MembershipChange(before, before.without(bayko.id()), read));

        assertThat(outcome).isEqualTo(new MembershipOutcome.Outdated());
        assertThat(port.groupMembers(hello.groupId())).contains(before);
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(3)
                .allSatisfy(row -> assertThat(row.lastMessageAt()).isEqualTo(T0.plusSeconds(5)));
    }

    @Test
    void an_advance_of_rows_read_before_a_change_of_members_writes_nothing() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message hello = message(newGroup(), andrew, "hello both", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();
        List<MessageGroupRow> read = port.rowsOfGroup(hello.groupId());
        GroupMembers after = before.with(List.of(user("mara")));
        port.changeMembers(new MembershipChange(before, after, read));

        RowsAdvance stale = advance(read, new MessageText("news"), T0.plusSeconds(5));

        assertThat(stale).isEqualTo(new RowsAdvance.Outdated());
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(4)
                .allSatisfy(row -> assertThat(row.counterpart().members()).isEqualTo(4));
    }

    @Test
    void a_joining_members_row_that_meets_another_of_their_rows_takes_the_next_microsecond() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        User mara = user("mara");
        Message hello = message(newGroup(), andrew, "hello both", T0);
        Message maraOwn = message(newGroup(), mara, "elsewhere", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));
        port.startConversation(new NewConversation(mara, bayko, maraOwn));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();

        port.changeMembers(new MembershipChange(before, before.with(List.of(mara)), port.rowsOfGroup(hello.groupId())));

        assertThat(port.groupRows(mara.id(), SliceQuery.newest(10)).items())
                .extracting(MessageGroupRow::groupId, MessageGroupRow::lastMessageAt)
                .containsExactly(
                        tuple(hello.groupId(), T0.plus(1, ChronoUnit.MICROS)),
                        tuple(maraOwn.groupId(), T0));
    }

    @Test
    void a_group_grows_to_the_largest_size_in_one_change() {
        List<User> members = IntStream.range(0, MessagingPort.MAX_ROWS_PER_ADVANCE)
                .mapToObj(i -> user("member" + i)).toList();
        Message hello = message(newGroup(), members.get(0), "hello all", T0);
        port.startConversation(new NewConversation(members.get(0), members.subList(1, 3), Optional.empty(), hello));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();

        MembershipOutcome outcome = port.changeMembers(new MembershipChange(before, before.with(members),
                port.rowsOfGroup(hello.groupId())));

        assertThat(outcome).isInstanceOf(MembershipOutcome.Changed.class);
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(MessagingPort.MAX_ROWS_PER_ADVANCE)
                .allSatisfy(row -> assertThat(row.counterpart().members()).isEqualTo(MessagingPort.MAX_ROWS_PER_ADVANCE));
    }

    @Test
    void a_senders_message_is_found_by_its_id_and_nobody_elses_is() {
        List<Message> conversation = conversationOf(2);
        Message andrews = conversation.get(0);
        Message baykos = conversation.get(1);
        User andrew = andrews.sender();
        User bayko = baykos.sender();

        assertThat(port.sentMessage(andrew.id(), andrews.id())).contains(andrews);
        assertThat(port.sentMessage(bayko.id(), andrews.id())).isEmpty();
        assertThat(port.sendersOf(groupOf(conversation), andrews.id(), Set.of(andrew.id(), bayko.id())))
                .containsExactly(andrew.id());
        assertThat(port.sendersOf(newGroup(), andrews.id(), Set.of(andrew.id(), bayko.id()))).isEmpty();
        assertThat(port.sendersOf(groupOf(conversation), andrews.id(), Set.of())).isEmpty();
    }

    @Test
    void an_edit_keeps_the_messages_id_and_time_and_is_read_back_wherever_it_is_read() {
        List<Message> conversation = conversationOf(3);
        Message original = conversation.get(1);
        Message edited = original.editedTo(new MessageText("better words"), T0.plusSeconds(60));

        assertThat(port.reviseMessage(original, edited)).isEqualTo(new RevisionOutcome.Revised(edited));

        assertThat(port.messages(groupOf(conversation), SliceQuery.newest(10)).items()).containsExactly(
                conversation.get(2), edited, conversation.get(0));
        assertThat(port.findMessage(groupOf(conversation), original.createdAt(), original.id())).contains(edited);
        assertThat(port.sentMessage(original.sender().id(), original.id())).contains(edited);
        assertThat(edited.editedAt()).contains(T0.plusSeconds(60));
    }

    @Test
    void a_delete_leaves_a_tombstone_in_the_messages_place_without_its_text() {
        List<Message> conversation = conversationOf(3);
        Message original = conversation.get(1);
        Message edited = original.editedTo(new MessageText("first thoughts"), T0.plusSeconds(30));
        port.reviseMessage(original, edited);

        assertThat(port.reviseMessage(edited, edited.deletedOn(T0.plusSeconds(60))))
                .isInstanceOf(RevisionOutcome.Revised.class);

        Message tombstone = port.messages(groupOf(conversation), SliceQuery.newest(10)).items().get(1);
        assertThat(tombstone.id()).isEqualTo(original.id());
        assertThat(tombstone.createdAt()).isEqualTo(original.createdAt());
        assertThat(tombstone.sender()).isEqualTo(original.sender());
        assertThat(tombstone.deletedAt()).contains(T0.plusSeconds(60));
        assertThat(tombstone.text()).isEqualTo(Message.DELETED_TEXT);
        assertThat(port.sentMessage(original.sender().id(), original.id())).contains(tombstone);
    }

    @Test
    void a_revision_of_a_message_another_revision_replaced_writes_nothing() {
        List<Message> conversation = conversationOf(2);
        Message original = conversation.get(1);
        Message first = original.editedTo(new MessageText("first edit"), T0.plusSeconds(30));
        port.reviseMessage(original, first);

        assertThat(port.reviseMessage(original, original.editedTo(new MessageText("late edit"), T0.plusSeconds(31))))
                .isEqualTo(new RevisionOutcome.Outdated());
        assertThat(port.reviseMessage(original, original.deletedOn(T0.plusSeconds(32))))
                .isEqualTo(new RevisionOutcome.Outdated());
        assertThat(port.sentMessage(original.sender().id(), original.id())).contains(first);
    }

    @Test
    void a_revision_is_of_the_same_message_in_place() {
        List<Message> conversation = conversationOf(2);
        Message original = conversation.get(1);

        assertThatThrownBy(() -> port.reviseMessage(original, original.at(T0.plusSeconds(99))
                .editedTo(new MessageText("moved"), T0.plusSeconds(100)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port.reviseMessage(original, original)).isInstanceOf(IllegalArgumentException.class);
        assertThat(port.sentMessage(original.sender().id(), original.id())).contains(original);
    }

    @Test
    void restating_rows_rewrites_their_text_at_their_time_and_refuses_rows_that_moved_on() {
        List<Message> conversation = conversationOf(1);
        List<MessageGroupRow> rows = port.rowsOfGroup(groupOf(conversation));
        MessageText edited = new MessageText("edited first message");

        RowsAdvance restated = restate(rows, edited);

        assertThat(restated).isInstanceOf(RowsAdvance.Advanced.class);
        assertThat(port.rowsOfGroup(groupOf(conversation))).hasSize(2).allSatisfy(row -> {
            assertThat(row.lastMessage()).isEqualTo(edited);
            assertThat(row.lastMessageAt()).isEqualTo(T0);
        });
        List<MessageGroupRow> current = port.rowsOfGroup(groupOf(conversation));
        advance(current, new MessageText("newer"), T0.plusSeconds(5));
        assertThat(restate(current, new MessageText("stale"))).isEqualTo(new RowsAdvance.Outdated());
        assertThat(port.rowsOfGroup(groupOf(conversation)))
                .allSatisfy(row -> assertThat(row.lastMessage().value()).isEqualTo("newer"));
    }

    @Test
    void a_change_of_members_over_rows_an_edit_restated_meanwhile_writes_nothing() {
        User andrew = user("andrew");
        User bayko = user("bayko");
        User londo = user("londo");
        Message hello = message(newGroup(), andrew, "hello both", T0);
        port.startConversation(new NewConversation(andrew, List.of(bayko, londo), Optional.empty(), hello));
        GroupMembers before = port.groupMembers(hello.groupId()).orElseThrow();
        List<MessageGroupRow> read = port.rowsOfGroup(hello.groupId());
        assertThat(restate(read, Message.DELETED_TEXT)).isInstanceOf(RowsAdvance.Advanced.class);

        MembershipOutcome outcome = port.changeMembers(new MembershipChange(before, before.without(bayko.id()), read));

        assertThat(outcome).isEqualTo(new MembershipOutcome.Outdated());
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(3)
                .allSatisfy(row -> assertThat(row.lastMessage()).isEqualTo(Message.DELETED_TEXT));
    }

    @Test
    void an_advance_of_rows_read_before_they_were_restated_writes_nothing() {
        List<Message> conversation = conversationOf(1);
        List<MessageGroupRow> read = port.rowsOfGroup(groupOf(conversation));
        restate(read, new MessageText("edited"));

        assertThat(advance(read, new MessageText("newer"), T0.plusSeconds(5)))
                .isEqualTo(new RowsAdvance.Outdated());
    }

    @Test
    void a_group_conversations_rows_are_restated_showing_the_same_members() {
        User andrew = user("andrew");
        Message hello = message(newGroup(), andrew, "hello all", T0);
        port.startConversation(new NewConversation(andrew, List.of(user("bayko"), user("londo")),
                Optional.of(new GroupTitle("Crew")), hello));

        restate(port.rowsOfGroup(hello.groupId()), Message.DELETED_TEXT);

        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(3).allSatisfy(row -> {
            assertThat(row.lastMessage()).isEqualTo(Message.DELETED_TEXT);
            assertThat(row.counterpart()).isEqualTo(new Counterpart.Group(Optional.of(new GroupTitle("Crew")), "Crew", 3));
        });
    }

    @Test
    void more_senders_or_rows_than_one_request_holds_are_refused() {
        List<Message> conversation = conversationOf(1);
        Set<UserId> many = IntStream.range(0, MessagingPort.MAX_ROWS_PER_ADVANCE + 1)
                .mapToObj(i -> user("sender" + i).id()).collect(Collectors.toSet());
        List<MessageGroupRow> rows = port.rowsOfGroup(groupOf(conversation));
        List<MessageGroupRow> tooMany = IntStream.range(0, MessagingPort.MAX_ROWS_PER_ADVANCE + 1)
                .mapToObj(i -> rows.get(0)).toList();

        assertThatThrownBy(() -> port.sendersOf(groupOf(conversation), conversation.get(0).id(), many))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> restate(tooMany, new MessageText("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A started conversation of {@code count} messages, "message 1" to "message N", one second apart. */
    private List<Message> conversationOf(int count) {
        User andrew = user("andrew");
        User bayko = user("bayko");
        Message first = message(newGroup(), andrew, "message 1", T0);
        assertThat(port.startConversation(new NewConversation(andrew, bayko, first)))
                .isInstanceOf(StartOutcome.Started.class);
        List<Message> all = new ArrayList<>(List.of(first));
        for (int i = 2; i <= count; i++) {
            User sender = i % 2 == 0 ? bayko : andrew;
            all.add(appended(port.appendMessage(
                    message(first.groupId(), sender, "message " + i, T0.plus(Duration.ofSeconds(i - 1))))));
        }
        return all;
    }

    private static MessageGroupId groupOf(List<Message> conversation) {
        return conversation.get(0).groupId();
    }

    private static Message appended(AppendOutcome outcome) {
        assertThat(outcome).isInstanceOf(AppendOutcome.Appended.class);
        return ((AppendOutcome.Appended) outcome).stored();
    }

    private static List<String> texts(Slice<Message> slice) {
        return slice.items().stream().map(message -> message.text().value()).toList();
    }

    private static Instant timeOfLast(Slice<Message> slice) {
        return slice.items().get(slice.items().size() - 1).createdAt();
    }

    /** Starts every task at the same moment on its own thread and collects the results in order. */
    static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every row moved to a newer message, read as far as before. */
    private RowsAdvance advance(List<MessageGroupRow> rows, MessageText text, Instant at) {
        return port.replaceGroupRows(rows.stream().map(row -> new RowChange(row, row.advancedTo(text, at))).toList());
    }

    /** Every row rewritten at its own time to show another text. */
    private RowsAdvance restate(List<MessageGroupRow> rows, MessageText text) {
        return port.replaceGroupRows(rows.stream()
                .map(row -> new RowChange(row, row.advancedTo(text, row.lastMessageAt()))).toList());
    }

}
