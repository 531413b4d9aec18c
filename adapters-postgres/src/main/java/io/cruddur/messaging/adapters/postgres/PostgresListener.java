package io.cruddur.messaging.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN} on one channel, on a connection of its own outside the pool, by a daemon thread:
 * each notification's payload goes to a consumer. When the connection is lost it is opened again
 * with back-off; notifications sent meanwhile are missed, so each time listening starts,
 * {@code onListening} runs, letting a listener make up for what it may have missed.
 */
final class PostgresListener implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CHECK_IDLE_CONNECTION = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresListener.class);

    private final String channel;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listeningNow;

    PostgresListener(DataSource source, String channel, Runnable onListening, Consumer<String> onPayload) {
        this.channel = channel;
        this.thread = daemon(() -> listenLoop(source, onListening, onPayload), channel + "-listener");
        thread.start();
    }

    /** An unpooled source for a listening connection, named so an operator can tell it apart. */
    static DataSource direct(PostgresSettings settings, String applicationName) {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setUrl(settings.jdbcUrl());
        settings.user().ifPresent(direct::setUser);
        settings.password().ifPresent(direct::setPassword);
        direct.setApplicationName(applicationName);
        direct.setTcpKeepAlive(true);
        return direct;
    }

    /** Whether the connection is open and listening now. */
    boolean listening() {
        return listeningNow;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        join(thread);
    }

    private void listenLoop(DataSource source, Runnable onListening, Consumer<String> onPayload) {
        Duration backoff = POLL;
        while (running) {
            try (Connection connection = source.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                backoff = POLL;
                onListening.run();
                listeningNow = true;
                hear(connection, onPayload);
            } catch (SQLException lost) {
                if (running) {
                    LOG.warn("not listening on {}; trying again in {} s: {}", channel, backoff.toSeconds(),
                            lost.getMessage());
                }
            } finally {
                listeningNow = false;
            }
            if (!running || !pause(backoff)) {
                return;
            }
            backoff = longer(backoff);
        }
    }

    /** Hands on notifications until the connection fails or listening stops; checks an idle connection now and then. */
    private void hear(Connection connection, Consumer<String> onPayload) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : notifications) {
                    onPayload.accept(notification.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > CHECK_IDLE_CONNECTION.toNanos()) {
                if (!connection.isValid((int) POLL.toSeconds())) {
                    throw new SQLException("the listening connection stopped answering");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
