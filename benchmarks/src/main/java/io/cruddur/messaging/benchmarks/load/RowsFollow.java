package io.cruddur.messaging.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long until a sent message shows as its group's last message in the sender's list: run
 * right after the stream's reader is killed, it times the takeover by another stream worker.
 */
@Command(name = "rows-follow", mixinStandardHelpOptions = true,
        description = "Sends one message and times its group row. Prints: FOLLOWED <ms>")
final class RowsFollow implements Callable<Integer> {
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    @Option(names = "--url", required = true, description = "a host that is up")
    URI url;

    @Option(names = "--token", required = true)
    String token;

    @Option(names = "--group", required = true)
    String group;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        String text = "rows follow " + started;
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(url.resolve("/api/messages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (sent.statusCode() != 200) {
            throw new IllegalStateException("the send answered " + sent.statusCode() + ": " + sent.body());
        }
        while (System.nanoTime() - started < GIVE_UP.toNanos()) {
            HttpResponse<String> rows = http.send(HttpRequest.newBuilder(url.resolve("/api/message_groups"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode row : json.readTree(rows.body())) {
                if (row.get("uuid").asText().equals(group) && row.get("message").asText().equals(text)) {
                    System.out.printf("FOLLOWED %d%n", (System.nanoTime() - started) / 1_000_000);
                    return 0;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the rows did not follow within " + GIVE_UP);
    }
}
