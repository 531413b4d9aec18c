package io.cruddur.messaging.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.usecase.RefreshListener;
import io.cruddur.messaging.core.usecase.RefreshResult;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for signed-in pages: once pattern E has brought a group's rows to a new
 * message, every member's open streams get a {@code message} event with it, so a page can show
 * the message and reorder its group list without reloading. A comment every
 * {@value #HEARTBEAT_SECONDS} s keeps proxies from closing idle streams and finds dead ones.
 */
public final class LiveEvents implements RefreshListener, AutoCloseable {
    static final long HEARTBEAT_SECONDS = 15;

    private final Map<UserId, Set<SseClient>> streams = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-events-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public LiveEvents() {
        long period = Duration.ofSeconds(HEARTBEAT_SECONDS).toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** Keeps the stream open and sends it the user's events until the client goes away. */
    void join(UserId user, SseClient client) {
        streams.computeIfAbsent(user, id -> ConcurrentHashMap.newKeySet()).add(client);
        client.onClose(() -> leave(user, client));
        client.keepAlive();
        send(client, () -> client.sendComment("connected"));
    }

    @Override
    public void refreshed(Message message, RefreshResult result) {
        String data;
        try {
            data = json.writeValueAsString(Views.SentView.of(message));
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("a message view did not serialize", unexpected);
        }
        for (UserId member : result.members()) {
            for (SseClient client : streams.getOrDefault(member, Set.of())) {
                send(client, () -> client.sendEvent("message", data, message.id().toString()));
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        streams.values().forEach(clients -> clients.forEach(SseClient::close));
        streams.clear();
    }

    private void beat() {
        streams.values().forEach(clients -> clients.forEach(client -> send(client, () -> client.sendComment("ping"))));
    }

    private void leave(UserId user, SseClient client) {
        streams.computeIfPresent(user, (id, clients) -> {
            clients.remove(client);
            return clients.isEmpty() ? null : clients;
        });
    }

    /** One writer at a time per stream; a stream that cannot be written to is closed and forgotten. */
    private static void send(SseClient client, Runnable write) {
        synchronized (client) {
            if (client.terminated()) {
                return;
            }
            write.run();
        }
    }
}
