package io.cruddur.messaging.adapters.postgres;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.GroupNews;
import io.cruddur.messaging.core.port.MembersNews;
import io.cruddur.messaging.core.port.MessageNews;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.port.ReadNews;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The news bus of a fleet on PostgreSQL's {@code LISTEN}/{@code NOTIFY}: every host already
 * shares the user database, so no other broker is needed.
 *
 * <p>Publishing never waits: news is queued, and a publisher thread sends whatever has gathered
 * in one short statement of {@code pg_notify} calls, apart from any data transaction (a notifying
 * commit takes a cluster-wide lock, so few and short ones keep it cheap). Listening uses one
 * connection of its own, outside the pool; when it is lost it is opened again with back-off, and
 * news sent meanwhile is missed (the bus is at most once). A payload names the message,
 * {@code v1 {group} {message} {created_at}} (then {@code edited} or {@code deleted} for a
 * revision), or the group whose members changed,
 * {@code v1 members {group}}, or a member's new read position,
 * {@code v1 read {group} {reader} {read_up_to}}: at most about 120 bytes whatever the message or the group, well
 * under {@code NOTIFY}'s 8000.
 */
public final class PostgresNewsBus implements NewsBus, AutoCloseable {
    /** The channel news travels on. */
    public static final String CHANNEL = "cruddur_news";
    static final String APPLICATION_NAME = "cruddur-news";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresNewsBus.class);
    private static final String VERSION = "v1";
    private static final String MEMBERS = "members";
    private static final String READ = "read";
    private static final int QUEUE_CAPACITY = 10_000;
    private static final int MAX_PER_STATEMENT = 500;
    private static final Duration POLL = PostgresListener.POLL;

    private final DataSource publishing;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** News queued or being sent; {@link #flush} waits for it to reach zero. */
    private final AtomicInteger unsent = new AtomicInteger();
    private final Object sentSignal = new Object();
    private final List<Consumer<GroupNews>> subscribers = new CopyOnWriteArrayList<>();
    private final Thread publisher;
    private final Optional<PostgresListener> listener;
    private volatile boolean running = true;

    /**
     * @param listening  where the listening connection comes from: unpooled, as it stays open
     * @param publishing where each publishing statement borrows a connection: the pool
     */
    public PostgresNewsBus(DataSource listening, DataSource publishing) {
        this(Optional.of(listening), publishing);
    }

    private PostgresNewsBus(Optional<DataSource> listening, DataSource publishing) {
        this.publishing = publishing;
        this.publisher = PostgresListener.daemon(this::publishLoop, "news-publisher");
        publisher.start();
        this.listener = listening.map(source -> new PostgresListener(source, CHANNEL, () -> { }, this::dispatch));
    }

    /**
     * A bus that only publishes, such as a serverless function's, which has no clients to tell.
     *
     * @param publishing where each publishing statement borrows a connection: the pool
     * @return the bus, its publisher thread started; subscribers hear nothing
     */
    public static PostgresNewsBus publishingOnly(DataSource publishing) {
        return new PostgresNewsBus(Optional.empty(), publishing);
    }

    /**
     * A bus on the user database: listening on a connection of its own, publishing through {@code pool}.
     *
     * @param settings where the listening connection goes; it is opened outside the pool, named
     *                 {@value #APPLICATION_NAME}
     * @param pool     where each publishing statement borrows a connection
     * @return the bus, listening and publishing on threads of its own; close it at shutdown, before
     *         the pool
     */
    public static PostgresNewsBus on(PostgresSettings settings, DataSource pool) {
        return new PostgresNewsBus(PostgresListener.direct(settings, APPLICATION_NAME), pool);
    }

    @Override
    public void publish(GroupNews news) {
        unsent.incrementAndGet();
        if (!outbox.offer(payload(news))) {
            sent(1);
            LOG.warn("news of group {} dropped: {} pieces wait to be published", news.group(), QUEUE_CAPACITY);
        }
    }

    /**
     * Waits until everything published so far has been sent (or given up on), at most
     * {@code timeout}; true when nothing is left. For a process that may be frozen as soon as it
     * returns, such as a Lambda invocation.
     *
     * @param timeout the longest wait
     * @return whether everything published so far was sent or given up on in time
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sentSignal) {
            while (unsent.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sentSignal, left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public Subscription subscribe(Consumer<GroupNews> subscriber) {
        Consumer<GroupNews> registered = subscriber::accept;
        subscribers.add(registered);
        return () -> subscribers.remove(registered);
    }

    /** {@return whether the listening connection is open and listening now; never for a publishing-only bus} */
    public boolean listening() {
        return listener.map(PostgresListener::listening).orElse(false);
    }

    /** Stops both threads; news still queued is sent first, if the database answers. */
    @Override
    public void close() {
        running = false;
        PostgresListener.join(publisher);
        listener.ifPresent(PostgresListener::close);
    }

    static String payload(GroupNews news) {
        if (news instanceof MessageNews message) {
            String stored = String.join(" ", VERSION, message.group().toString(), message.message().toString(),
                    message.createdAt().toString());
            return message.kind() == MessageNews.Kind.STORED ? stored
                    : stored + " " + message.kind().name().toLowerCase(Locale.ROOT);
        }
        if (news instanceof ReadNews read) {
            return String.join(" ", VERSION, READ, read.group().toString(), read.reader().toString(),
                    read.readUpTo().toString());
        }
        return String.join(" ", VERSION, MEMBERS, news.group().toString());
    }

    /** The news in a payload, or null when it is not one of ours (anyone who can connect may notify). */
    static GroupNews parse(String payload) {
        String[] fields = payload.split(" ", -1);
        if (!VERSION.equals(fields[0])) {
            return null;
        }
        try {
            if (fields.length == 3 && MEMBERS.equals(fields[1])) {
                return new MembersNews(new MessageGroupId(UUID.fromString(fields[2])));
            }
            if (fields.length == 5 && READ.equals(fields[1])) {
                return new ReadNews(new MessageGroupId(UUID.fromString(fields[2])), new UserId(UUID.fromString(fields[3])),
                        Instant.parse(fields[4]));
            }
            if (fields.length == 4 || fields.length == 5) {
                MessageNews.Kind kind = fields.length == 4 ? MessageNews.Kind.STORED
                        : MessageNews.Kind.valueOf(fields[4].toUpperCase(Locale.ROOT));
                return new MessageNews(new MessageGroupId(UUID.fromString(fields[1])),
                        new MessageId(UUID.fromString(fields[2])), Instant.parse(fields[3]), kind);
            }
            return null;
        } catch (IllegalArgumentException | DateTimeParseException malformed) {
            return null;
        }
    }

    private void publishLoop() {
        Duration backoff = POLL;
        while (running || !outbox.isEmpty()) {
            List<String> batch = new ArrayList<>();
            try {
                String first = outbox.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException interrupted) {
                return;
            }
            outbox.drainTo(batch, MAX_PER_STATEMENT - 1);
            try {
                send(batch);
                backoff = POLL;
            } catch (SQLException unreachable) {
                LOG.warn("{} pieces of news were not published: {}", batch.size(), unreachable.getMessage());
                if (!running || !PostgresListener.pause(backoff)) {
                    return;
                }
                backoff = PostgresListener.longer(backoff);
            } finally {
                sent(batch.size());
            }
        }
    }

    private void send(List<String> payloads) throws SQLException {
        try (Connection connection = publishing.getConnection();
             PreparedStatement notify = connection.prepareStatement(
                     "SELECT pg_notify(?, payload) FROM unnest(?) AS payload")) {
            Array array = connection.createArrayOf("text", payloads.toArray());
            notify.setString(1, CHANNEL);
            notify.setArray(2, array);
            notify.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private void sent(int count) {
        if (unsent.addAndGet(-count) <= 0) {
            synchronized (sentSignal) {
                sentSignal.notifyAll();
            }
        }
    }

    private void dispatch(String payload) {
        GroupNews news = parse(payload);
        if (news == null) {
            LOG.debug("a notification on {} that is not news was passed over", CHANNEL);
            return;
        }
        for (Consumer<GroupNews> subscriber : subscribers) {
            try {
                subscriber.accept(news);
            } catch (RuntimeException failed) {
                LOG.warn("a news subscriber failed on news of group {}", news.group(), failed);
            }
        }
    }
}
