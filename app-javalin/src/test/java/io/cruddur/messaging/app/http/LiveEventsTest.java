package io.cruddur.messaging.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cruddur.messaging.app.config.EventStreamLimits;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream hub without HTTP: who hears what, and that nobody waits for a slow client. */
class LiveEventsTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private final User sender = new User(new UserId(UUID.randomUUID()), new Handle("bayko"), "Bay Kovac");
    private final UserId andrew = new UserId(UUID.randomUUID());
    private final UserId londo = new UserId(UUID.randomUUID());
    private final MessageGroupId group = new MessageGroupId(UUID.randomUUID());
    private LiveEvents events = new LiveEvents(EventStreamLimits.DEFAULT);

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void a_client_that_never_reads_delays_neither_the_news_nor_other_clients() throws Exception {
        StuckSink stuck = new StuckSink();
        RecordingSink healthy = new RecordingSink();
        events.join(andrew, stuck);
        events.join(andrew, healthy);
        int burst = EventStream.QUEUE_CAPACITY / 2;
        int count = burst * 6;

        for (int sent = 0; sent < count; sent += burst) {
            int from = sent;
            assertTimeoutPreemptively(BOUND, () -> {
                for (int i = from; i < from + burst; i++) {
                    events.heard(message("news " + i), Set.of(andrew, sender.id()));
                }
            });
            assertThat(healthy.awaitEvents(from + burst)).as("the healthy client keeps up").hasSize(from + burst);
        }
        assertThat(healthy.events().get(count - 1).data()).contains("news " + (count - 1));
        assertThat(stuck.aborted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the stuck client is dropped").isTrue();
        assertThat(events.openStreams()).isEqualTo(1);
    }

    @Test
    void only_members_hear_of_a_message_and_event_ids_order_as_messages_do() throws Exception {
        RecordingSink member = new RecordingSink();
        RecordingSink outsider = new RecordingSink();
        events.join(andrew, member);
        events.join(londo, outsider);
        Message first = message("first");
        Message second = new Message(new MessageId(UUID.randomUUID()), group, sender, new MessageText("second"),
                first.createdAt().plusNanos(1_000));

        events.heard(first, Set.of(andrew, sender.id()));
        events.heard(second, Set.of(andrew, sender.id()));
        events.heard(message("for londo"), Set.of(londo));

        assertThat(member.awaitEvents(2)).extracting(Frame.Event::name).containsExactly("message", "message");
        assertThat(member.events().get(0).id()).isLessThan(member.events().get(1).id());
        // a stream's events arrive in order: had londo heard andrew's, they would come before this one
        assertThat(outsider.awaitEvents(1)).hasSize(1).allSatisfy(event -> assertThat(event.data()).contains("for londo"));
    }

    @Test
    void news_of_a_message_edited_since_is_still_a_new_message_and_revisions_carry_no_id() throws Exception {
        RecordingSink member = new RecordingSink();
        events.join(andrew, member);
        Message edited = message("first words").editedTo(new MessageText("better words"), Instant.now());

        events.heard(edited, Set.of(andrew));
        events.heardRevision(edited, Set.of(andrew));
        events.heardRevision(edited.deletedOn(Instant.now()), Set.of(andrew));

        assertThat(member.awaitEvents(3)).extracting(Frame.Event::name)
                .containsExactly("message", "message_edited", "message_deleted");
        assertThat(member.events().get(0).id()).isNotEmpty();
        assertThat(member.events().get(0).data()).contains("better words").contains("edited_at");
        assertThat(member.events().subList(1, 3)).extracting(Frame.Event::id).containsOnlyNulls();
        assertThat(member.events().get(2).data()).contains("\"deleted\":true").doesNotContain("better words");
    }

    @Test
    void a_users_newest_stream_supersedes_the_oldest_over_the_per_user_cap() throws Exception {
        events = new LiveEvents(new EventStreamLimits(2, 10));
        RecordingSink oldest = new RecordingSink();
        RecordingSink middle = new RecordingSink();
        RecordingSink newest = new RecordingSink();
        events.join(andrew, oldest);
        events.join(andrew, middle);

        assertThat(events.join(andrew, newest)).isTrue();

        assertThat(oldest.awaitEvents(1).get(0).name()).isEqualTo(LiveEvents.SUPERSEDED);
        assertThat(oldest.aborted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        events.heard(message("after"), Set.of(andrew));
        assertThat(newest.awaitEvents(1).get(0).data()).contains("after");
        assertThat(middle.awaitEvents(1).get(0).data()).contains("after");
        assertThat(oldest.events()).hasSize(1);
        assertThat(events.openStreams()).isEqualTo(2);
    }

    @Test
    void a_new_stream_over_the_hosts_cap_is_refused_and_a_closed_one_makes_room() throws Exception {
        events = new LiveEvents(new EventStreamLimits(1, 2));
        RecordingSink first = new RecordingSink();
        events.join(andrew, first);
        events.join(londo, new RecordingSink());
        RecordingSink refused = new RecordingSink();

        assertThat(events.hasRoom()).isFalse();
        assertThat(events.join(sender.id(), refused)).isFalse();
        assertThat(refused.aborted.getCount()).isZero();

        first.leave();
        assertThat(first.aborted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(events.hasRoom()).isTrue();
        assertThat(events.join(sender.id(), new RecordingSink())).isTrue();
    }

    @Test
    void it_listens_for_a_group_only_while_one_of_its_members_has_a_stream_here() {
        RecordingSink sink = new RecordingSink();

        assertThat(events.listensFor(Set.of(andrew, sender.id()))).isFalse();
        events.join(andrew, sink);
        assertThat(events.listensFor(Set.of(andrew, sender.id()))).isTrue();
        assertThat(events.listensFor(Set.of(londo))).isFalse();
        sink.leave();
        assertThat(events.listensFor(Set.of(andrew, sender.id()))).isFalse();
    }

    @Test
    void a_client_gone_before_its_stream_opened_leaves_nothing_behind() {
        RecordingSink alreadyGone = new RecordingSink() {
            @Override
            public void whenGone(Runnable action) {
                action.run();
            }
        };

        events.join(andrew, alreadyGone);

        assertThat(events.listensFor(Set.of(andrew))).isFalse();
        assertThat(events.openStreams()).isZero();
    }

    @Test
    void every_stream_is_greeted_and_closing_the_hub_ends_every_stream() throws Exception {
        RecordingSink sink = new RecordingSink();
        events.join(andrew, sink);

        assertThat(sink.awaitComments(1)).containsExactly("connected");
        events.close();
        assertThat(sink.aborted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(events.openStreams()).isZero();
    }

    private Message message(String text) {
        return new Message(new MessageId(UUID.randomUUID()), group, sender, new MessageText(text), Instant.now());
    }

    /** A client that reads everything at once, remembered in order. */
    private static class RecordingSink implements EventSink {
        final CountDownLatch aborted = new CountDownLatch(1);
        private final List<Frame> frames = new CopyOnWriteArrayList<>();
        private volatile Runnable gone = () -> { };

        @Override
        public boolean write(Frame frame) {
            frames.add(frame);
            return true;
        }

        @Override
        public void abort() {
            aborted.countDown();
        }

        @Override
        public void whenGone(Runnable action) {
            gone = action;
        }

        /** The client goes away, as a closed browser tab does. */
        void leave() {
            gone.run();
        }

        List<Frame.Event> events() {
            return frames.stream().filter(Frame.Event.class::isInstance).map(Frame.Event.class::cast).toList();
        }

        List<Frame.Event> awaitEvents(int count) throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (events().size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return events();
        }

        List<String> awaitComments(int count) throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (comments().size() < count && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return comments();
        }

        private List<String> comments() {
            return frames.stream().filter(Frame.Comment.class::isInstance).map(frame -> ((Frame.Comment) frame).text())
                    .toList();
        }
    }

    /** A client whose socket is full: every write blocks until the stream is aborted. */
    private static final class StuckSink extends RecordingSink {
        @Override
        public boolean write(Frame frame) {
            try {
                aborted.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
