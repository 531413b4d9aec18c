package io.cruddur.messaging.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The group rows' lag as a user sees it: one message at a time into a conversation of two generated
 * users, timed from the send's acknowledgement until both members' group lists show it as their
 * group's last message. The lists are polled through the API, so the figure includes the poll
 * interval's granularity.
 */
@Command(name = "stream-lag", mixinStandardHelpOptions = true,
        description = "Times the refresh of group rows through the API."
                + " Prints: LAG <messages> <p50 ms> <p99 ms> <max ms>"
                + " <p99 ms of the first half> <p99 ms of the second half>")
final class StreamLag implements Callable<Integer> {
    private static final Duration GIVE_UP = Duration.ofMinutes(2);
    private static final long POLL_PAUSE_MILLIS = 2;

    @Option(names = "--url", required = true, description = "the host, e.g. http://localhost:4600")
    URI url;

    @Option(names = "--from", defaultValue = "user1", description = "the sender's handle (default: ${DEFAULT-VALUE})")
    String from;

    @Option(names = "--to", defaultValue = "user2", description = "the other member's handle (default: ${DEFAULT-VALUE})")
    String to;

    @Option(names = "--duration", defaultValue = "PT10S", description = "how long to send (ISO-8601), default: ${DEFAULT-VALUE}")
    Duration duration;

    @Option(names = "--pause", defaultValue = "PT0.02S",
            description = "between one message being seen and the next send (ISO-8601), default: ${DEFAULT-VALUE}")
    Duration pause;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        String sender = login(from);
        String other = login(to);
        String group = send(sender, body("first").put("handle", to)).get("message_group_uuid").asText();
        awaitBothShow(sender, other, group, "first");

        Latencies firstHalf = new Latencies();
        Latencies secondHalf = new Latencies();
        long started = System.nanoTime();
        long half = started + duration.toNanos() / 2;
        long deadline = started + duration.toNanos();
        for (int i = 1; System.nanoTime() < deadline; i++) {
            String text = "lag probe " + i;
            send(sender, body(text).put("message_group_uuid", group));
            long acknowledged = System.nanoTime();
            awaitBothShow(sender, other, group, text);
            (acknowledged < half ? firstHalf : secondHalf).record(System.nanoTime() - acknowledged);
            Thread.sleep(pause.toMillis());
        }
        Histogram early = firstHalf.drain();
        Histogram late = secondHalf.drain();
        Histogram measured = early.copy();
        measured.add(late);
        System.out.printf("LAG %d %s %s %s %s %s%n", measured.getTotalCount(), Latencies.millis(measured, 50),
                Latencies.millis(measured, 99), Latencies.millis(measured, 100), Latencies.millis(early, 99),
                Latencies.millis(late, 99));
        return 0;
    }

    private void awaitBothShow(String sender, String other, String group, String text) throws Exception {
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        boolean senderSees = false;
        boolean otherSees = false;
        while (!(senderSees && otherSees)) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("'" + text + "' not in both group lists after " + GIVE_UP);
            }
            senderSees = senderSees || lastMessage(sender, group).equals(text);
            otherSees = otherSees || lastMessage(other, group).equals(text);
            Thread.sleep(POLL_PAUSE_MILLIS);
        }
    }

    private String lastMessage(String token, String group) throws Exception {
        for (JsonNode row : call(HttpRequest.newBuilder(url.resolve("/api/message_groups"))
                .header("Authorization", "Bearer " + token).GET())) {
            if (row.get("uuid").asText().equals(group)) {
                return row.get("message").asText();
            }
        }
        return "";
    }

    private String login(String handle) throws Exception {
        return call(HttpRequest.newBuilder(url.resolve("/dev/login"))
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("handle", handle).toString())))
                .get("access_token").asText();
    }

    private ObjectNode body(String text) {
        return json.createObjectNode().put("message", text);
    }

    private JsonNode send(String token, ObjectNode body) throws Exception {
        return call(HttpRequest.newBuilder(url.resolve("/api/messages"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }
}
