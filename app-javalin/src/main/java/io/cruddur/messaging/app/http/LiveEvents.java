package io.cruddur.messaging.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cruddur.messaging.app.config.EventStreamLimits;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.usecase.NewsListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-sent events for signed-in pages: once a group's rows have been brought to a new
 * message (on whichever host, as news on the bus says), every member's open streams on this host
 * get a {@code message} event with it, so a page can show the message and reorder its group list
 * without reloading; an edited or deleted message comes as {@code message_edited} or
 * {@code message_deleted}; when a group's members change, its members get {@code members_changed}, and
 * when one of them reads further, {@code read}.
 * A comment every {@value #HEARTBEAT_SECONDS} s keeps proxies from closing
 * idle streams and finds dead ones.
 *
 * <p>Nothing here writes to a socket: news and heartbeats are only queued on each
 * {@link EventStream}, whose own writer does the writing, so neither the refresh of group rows nor a send ever
 * waits for a client. The number of streams is capped per user and in total
 * ({@link EventStreamLimits}).
 */
public final class LiveEvents implements NewsListener, AutoCloseable {
    static final long HEARTBEAT_SECONDS = 15;
    /** Sent to a user's oldest stream when a newer one takes its place; the page does not reconnect it. */
    static final String SUPERSEDED = "superseded";
    /** Sent to members when a message was edited, with the message as edited. */
    static final String MESSAGE_EDITED = "message_edited";
    /** Sent to members when a message was deleted, with its tombstone. */
    static final String MESSAGE_DELETED = "message_deleted";
    /** Sent to members when a group's members changed. */
    static final String MEMBERS_CHANGED = "members_changed";
    /** Sent to members when one of them read further. */
    static final String READ = "read";
    /** How long a superseded stream may take to receive its last event before it is cut. */
    private static final Duration SUPERSEDED_GRACE = Duration.ofSeconds(5);

    private final EventStreamLimits limits;
    /** Each user's streams, oldest first; the lists are replaced, never changed, so fan-out reads them without locks. */
    private final Map<UserId, List<EventStream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-events-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public LiveEvents(EventStreamLimits limits) {
        this.limits = limits;
        long period = Duration.ofSeconds(HEARTBEAT_SECONDS).toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** Whether a new stream would be taken now; the count is checked again when it opens. */
    boolean hasRoom() {
        return open.get() < limits.total();
    }

    /** Streams open now. */
    int openStreams() {
        return open.get();
    }

    /**
     * Opens a stream for {@code user} on {@code sink} and greets it. Over the user's cap the
     * user's oldest stream is told it was superseded and closed; over the host's cap the sink is
     * closed and false returned.
     */
    boolean join(UserId user, EventSink sink) {
        if (open.incrementAndGet() > limits.total()) {
            open.decrementAndGet();
            sink.abort();
            return false;
        }
        EventStream stream = new EventStream(sink, ended -> {
            open.decrementAndGet();
            leave(user, ended);
        });
        List<EventStream> superseded = new ArrayList<>();
        streams.compute(user, (id, current) -> {
            List<EventStream> kept = new ArrayList<>(current == null ? List.of() : current);
            while (kept.size() >= limits.perUser()) {
                superseded.add(kept.remove(0));
            }
            kept.add(stream);
            return List.copyOf(kept);
        });
        if (stream.ended()) {
            // the client left before the stream was in the map, so its leaving removed nothing
            leave(user, stream);
            return true;
        }
        stream.offer(new Frame.Comment("connected"));
        stream.start();
        superseded.forEach(old -> {
            old.offer(new Frame.Event(SUPERSEDED, "{}", null, true));
            try {
                heartbeat.schedule(old::end, SUPERSEDED_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                old.end();
            }
        });
        return true;
    }

    @Override
    public boolean listensFor(Set<UserId> members) {
        return members.stream().anyMatch(streams::containsKey);
    }

    @Override
    public void heard(Message message, Set<UserId> members) {
        offer(new Frame.Event("message", write(Views.SentView.of(message)), eventId(message), false), members);
    }

    /** A revision shares its message's id, so it carries none: a client that skips ids it has seen still gets it. */
    @Override
    public void heardRevision(Message message, Set<UserId> members) {
        offer(new Frame.Event(message.deleted() ? MESSAGE_DELETED : MESSAGE_EDITED, write(Views.SentView.of(message)),
                null, false), members);
    }

    private void offer(Frame event, Set<UserId> members) {
        for (UserId member : members) {
            streams.getOrDefault(member, List.of()).forEach(stream -> stream.offer(event));
        }
    }

    /** Every member's open streams here get {@code members_changed}, so a page reloads its list and the group's members. */
    @Override
    public void membersChanged(MessageGroupId group, Set<UserId> members) {
        offer(new Frame.Event(MEMBERS_CHANGED, write(new Views.StartedView(group.toString())), null, false), members);
    }

    /** Every member's open streams here get {@code read}, so a page can show who has read what (the reader's other pages included). */
    @Override
    public void readMoved(MessageGroupId group, UserId reader, Instant readUpTo, Set<UserId> members) {
        offer(new Frame.Event(READ, write(new Views.ReaderView(group.toString(), reader.toString(),
                Views.time(readUpTo))), null, false), members);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        streams.values().forEach(list -> list.forEach(EventStream::end));
        streams.clear();
    }

    /**
     * Orders events as their messages are ordered (time, then uuid), so a client that reconnects
     * can say where it stopped ({@code Last-Event-ID}).
     */
    static String eventId(Message message) {
        return Views.time(message.createdAt()) + "_" + message.id();
    }

    private String write(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("an event's view did not serialize", unexpected);
        }
    }

    private void beat() {
        Frame ping = new Frame.Comment("ping");
        streams.values().forEach(list -> list.forEach(stream -> stream.offer(ping)));
    }

    private void leave(UserId user, EventStream stream) {
        streams.computeIfPresent(user, (id, current) -> {
            List<EventStream> kept = new ArrayList<>(current);
            kept.remove(stream);
            return kept.isEmpty() ? null : List.copyOf(kept);
        });
    }
}
