package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.app.config.HostConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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

    private void send(String token, String group, String text) {
        assertThat(api.post("/api/messages", token,
                "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}").status()).isEqualTo(200);
    }

    private Stream open(String token) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri())
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
