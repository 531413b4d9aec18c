package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open {@code /api/events} stream, read on its own thread into whole events (blocks of lines
 * ending in a blank line); comments stand alone, heartbeats are left out.
 */
public final class EventStreamReader implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final InputStream body;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    private EventStreamReader(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "test-event-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream with the token and waits for the host's greeting. */
    public static EventStreamReader open(URI events, String token, Duration bound) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(events)
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        EventStreamReader stream = new EventStreamReader(response.body());
        assertThat(stream.poll(bound)).as("the greeting").contains(": connected");
        return stream;
    }

    /** The next event or comment, or null when none came within {@code bound}. */
    public String poll(Duration bound) throws InterruptedException {
        return events.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event, which must come within {@code bound}. */
    public String next(Duration bound) throws InterruptedException {
        String event = poll(bound);
        assertThat(event).as("an event within %s", bound).isNotNull();
        return event;
    }

    public boolean nothingPending() {
        return events.isEmpty();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder event = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":")) {
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
