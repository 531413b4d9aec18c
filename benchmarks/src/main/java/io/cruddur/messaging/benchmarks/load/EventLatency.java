package io.cruddur.messaging.benchmarks.load;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Live events across hosts: a member's event stream open on one host, messages sent through
 * another, each timed from the send's acknowledgement until its event arrives. The time includes
 * the refresh of group rows (the news is published once the rows have moved) and the bus between the hosts.
 */
@Command(name = "event-latency", mixinStandardHelpOptions = true,
        description = "Times live events across hosts. Prints: EVENTS <events> <p50 ms> <p99 ms> <max ms>")
final class EventLatency implements Callable<Integer> {
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    @Option(names = "--send-url", required = true, description = "the host that takes the sends")
    URI sendUrl;

    @Option(names = "--listen-url", required = true, description = "the host the event stream is open on")
    URI listenUrl;

    @Option(names = "--sender-token", required = true)
    String senderToken;

    @Option(names = "--listener-token", required = true)
    String listenerToken;

    @Option(names = "--group", required = true, description = "a group of both")
    String group;

    @Option(names = "--count", defaultValue = "200", description = "default: ${DEFAULT-VALUE}")
    int count;

    @Option(names = "--pause", defaultValue = "PT0.05S", description = "between sends (ISO-8601), default: ${DEFAULT-VALUE}")
    Duration pause;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(listenUrl.resolve("/api/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + listenerToken).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> read(stream.body()), "event-reader");
        reader.setDaemon(true);
        reader.start();
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            String text = "latency probe " + i + " " + System.nanoTime();
            CountDownLatch arrived = new CountDownLatch(1);
            awaited.put(text, arrived);
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(sendUrl.resolve("/api/messages"))
                    .header("Authorization", "Bearer " + senderToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            long acknowledged = System.nanoTime();
            if (sent.statusCode() != 200) {
                throw new IllegalStateException("a send answered " + sent.statusCode() + ": " + sent.body());
            }
            if (!arrived.await(GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no event for '" + text + "' within " + GIVE_UP);
            }
            latencies.record(System.nanoTime() - acknowledged);
            Thread.sleep(pause.toMillis());
        }
        Histogram measured = latencies.drain();
        System.out.printf("EVENTS %d %s %s %s%n", measured.getTotalCount(), Latencies.millis(measured, 50),
                Latencies.millis(measured, 99), Latencies.millis(measured, 100));
        return 0;
    }

    private void read(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String data = line;
                if (data.startsWith("data:")) {
                    awaited.entrySet().removeIf(entry -> {
                        boolean match = data.contains("\"" + entry.getKey() + "\"");
                        if (match) {
                            entry.getValue().countDown();
                        }
                        return match;
                    });
                }
            }
        } catch (IOException ended) {
            Thread.currentThread().interrupt();
        }
    }
}
