package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cruddur.messaging.app.config.EventStreamLimits;
import io.cruddur.messaging.app.config.HostConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event stream over HTTP: authenticated by header, live, and open to reconnection. */
class LiveEventsHttpTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static Deployment host;
    private static ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()));
        api = new ApiClient(host.port());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void the_stream_refuses_a_request_without_a_token() {
        ApiClient.Reply refused = api.send(HttpRequest.newBuilder(uri()).header("Accept", "text/event-stream").GET());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get(0).asText()).isEqualTo("token_missing");
    }

    @Test
    void a_member_hears_of_a_new_message_and_hears_again_after_reconnecting() throws Exception {
        String andrew = api.login("andrewbrown");
        String bayko = api.login("bayko");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();

        try (Stream first = open(andrew)) {
            send(bayko, group, "live one");
            assertThat(first.nextEvent()).contains("event: message").contains("live one").contains(group);
        }
        try (Stream second = open(andrew)) {
            send(bayko, group, "live two");
            assertThat(second.nextEvent()).contains("live two");
        }
    }

    @Test
    void a_non_member_hears_nothing_of_the_group() throws Exception {
        String londo = api.login("londo");
        String bayko = api.login("bayko");
        String group = api.get("/api/message_groups", bayko).body().get(0).get("uuid").asText();

        try (Stream stream = open(londo)) {
            send(bayko, group, "not for londo");
            assertThat(stream.events.poll(1, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void a_stream_that_is_never_read_delays_neither_sends_nor_other_streams_and_is_dropped() throws Exception {
        String andrew = api.login("andrewbrown");
        String bayko = api.login("bayko");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        String text = "x".repeat(1_000);
        int sends = 3_000;

        try (Socket neverRead = openUnread(andrew); Stream reader = open(andrew)) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < sends; i++) {
                    send(bayko, group, i + " " + text);
                }
            }, "every send returns although one member's stream is never read");
            for (int i = 0; i < sends; i++) {
                assertThat(reader.nextEvent()).contains("\"" + i + " x");
            }
            assertThat(readToEnd(neverRead)).as("the unread stream was closed by the host").isTrue();
        }
    }

    @Test
    void a_stream_over_the_hosts_cap_is_refused_with_a_code_and_a_retry_time() throws Exception {
        HostConfig config = HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of())
                .withEventStreams(new EventStreamLimits(1, 1));
        try (Deployment small = Deployment.memory(config)) {
            ApiClient smallApi = new ApiClient(small.port());
            URI events = URI.create("http://localhost:" + small.port() + "/api/events");
            try (Stream first = open(events, smallApi.login("andrewbrown"))) {
                assertThat(first.events).isEmpty();
                ApiClient.Reply refused = smallApi.send(HttpRequest.newBuilder(events)
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + smallApi.login("bayko")).GET());

                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.body().get(0).asText()).isEqualTo("event_streams_full");
                assertThat(refused.header("Retry-After")).isEqualTo("30");
            }
        }
    }

    private void send(String token, String group, String text) {
        assertThat(api.post("/api/messages", token,
                "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}").status()).isEqualTo(200);
    }

    /** An event stream whose client reads nothing after the headers, as a stalled phone would. */
    private static Socket openUnread(String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4_096);
        socket.connect(new InetSocketAddress("localhost", host.port()));
        socket.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** Reads what the host sent until it closes the connection; false if it stays open. */
    private static boolean readToEnd(Socket socket) throws IOException {
        socket.setSoTimeout((int) BOUND.toMillis());
        byte[] buffer = new byte[64 * 1024];
        try {
            while (socket.getInputStream().read(buffer) >= 0) {
                // discard: only the end of the stream matters
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private Stream open(String token) throws Exception {
        return open(uri(), token);
    }

    private Stream open(URI events, String token) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(events)
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        Stream stream = new Stream(response.body());
        assertThat(stream.events.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the greeting").contains(": connected");
        return stream;
    }

    private static URI uri() {
        return URI.create("http://localhost:" + host.port() + "/api/events");
    }

    /** An open event stream, read on its own thread into whole events (blocks of lines ending in a blank line). */
    private static final class Stream implements AutoCloseable {
        private final InputStream body;
        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        Stream(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "test-event-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String nextEvent() throws InterruptedException {
            String event = events.poll(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("an event within %s", BOUND).isNotNull();
            return event;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                StringBuilder event = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(":")) {
                        // a comment stands alone; only the greeting matters, heartbeats do not
                        if (!line.contains("ping")) {
                            events.add(line);
                        }
                    } else if (line.isEmpty()) {
                        if (event.length() > 0) {
                            events.add(event.toString());
                        }
                        event.setLength(0);
                    } else {
                        event.append(line).append('\n');
                    }
                }
            } catch (IOException closed) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
