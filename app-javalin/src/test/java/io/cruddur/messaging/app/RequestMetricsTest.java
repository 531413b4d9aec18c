package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.metrics.RequestMetrics;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the embedded deployment: what each route cost in DynamoDB requests and
 * PostgreSQL statements, read as the difference of two scrapes, as a load run reads it.
 */
class RequestMetricsTest {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{(.*)} (\\S+)$", Pattern.MULTILINE);
    private static final String SEND = "/api/messages";
    private static final String LIST_MESSAGES = "/api/messages/{group}";
    private static final String LIST_GROUPS = "/api/message_groups";
    private static final String FRONTEND = "http://localhost:3000";

    private static Deployment host;
    private static ApiClient api;
    private static ApiClient metrics;

    @BeforeAll
    static void start() throws IOException {
        host = Deployment.embedded(HostConfig.from(HostConfig.Mode.EMBEDDED, 0, Map.of("FRONTEND_URL", FRONTEND))
                        .withMetricsPort(0),
                Optional.empty(), Ports.free(), 0, "cruddur-messages");
        api = new ApiClient(host.port());
        metrics = new ApiClient(host.metricsPort().orElseThrow());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void the_counters_are_served_on_their_own_port_never_on_the_apis() {
        assertThat(api.get("/metrics", null).status()).isEqualTo(404);
        assertThat(metrics.text("/metrics")).contains("cruddur_http_requests_total");
    }

    @Test
    void warm_requests_cost_one_dynamodb_request_and_no_sql_statement_each() {
        String bayko = api.login("bayko");
        String londo = api.login("londo");
        String group = api.post(SEND, bayko, "{\"message\":\"hi\",\"handle\":\"@londo\"}").body()
                .get("message_group_uuid").asText();
        api.get(LIST_GROUPS, londo);
        api.get("/api/messages/" + group, londo);
        api.post(SEND, londo, "{\"message\":\"first reply\",\"message_group_uuid\":\"" + group + "\"}");
        String before = metrics.text("/metrics");

        for (int i = 0; i < 5; i++) {
            api.get(LIST_GROUPS, bayko);
            api.get("/api/messages/" + group, londo);
            api.post(SEND, i % 2 == 0 ? bayko : londo,
                    "{\"message\":\"reply " + i + "\",\"message_group_uuid\":\"" + group + "\"}");
        }
        String after = metrics.text("/metrics");

        assertThat(delta(before, after, "cruddur_http_requests_total", LIST_GROUPS, null)).isEqualTo(5);
        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", LIST_GROUPS, "Query")).isEqualTo(5);
        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", LIST_MESSAGES, "Query")).isEqualTo(5);
        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", SEND, "TransactWriteItems")).isEqualTo(5);
        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", SEND, null))
                .as("a send makes no request besides its transaction").isEqualTo(5);
        assertThat(delta(before, after, "cruddur_postgres_statements_total", null, null)).isZero();
    }

    @Test
    void a_conversation_with_a_new_person_is_one_transaction_and_cold_lookups_show_as_statements() {
        String altair = api.login("altair");
        api.get(LIST_GROUPS, altair);
        String before = metrics.text("/metrics");

        api.post(SEND, altair, "{\"message\":\"hello\",\"handle\":\"@sinclair\"}");
        String after = metrics.text("/metrics");

        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", SEND, null)).isEqualTo(1);
        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", SEND, "TransactWriteItems")).isEqualTo(1);
        assertThat(delta(before, after, "cruddur_postgres_statements_total", SEND, null))
                .as("@sinclair is looked up by handle for the first time, and whom @sinclair blocks").isEqualTo(2);
    }

    @Test
    void a_preflight_counts_under_its_route_with_the_status_the_browser_got() {
        String before = metrics.text("/metrics");

        ApiClient.Reply preflight = api.preflight(SEND, FRONTEND);
        String after = metrics.text("/metrics");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
        assertThat(delta(before, after, "cruddur_http_requests_total", SEND, null, "OPTIONS", "204")).isEqualTo(1);
        assertThat(delta(before, after, "cruddur_http_requests_total", RequestMetrics.UNMATCHED, null)).isZero();
    }

    @Test
    void the_stream_poller_moves_a_groups_rows_in_one_transaction_counted_outside_any_route() throws Exception {
        String altair = api.login("altair");
        String londo = api.login("londo");
        String group = api.post(SEND, altair, "{\"message\":\"hello\",\"handle\":\"@londo\"}").body()
                .get("message_group_uuid").asText();
        String before = quietScrape();

        api.post(SEND, londo, "{\"message\":\"moved by the poller\",\"message_group_uuid\":\"" + group + "\"}");
        awaitPreview(altair, group, "moved by the poller");
        String after = quietScrape();

        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", "none", "TransactWriteItems")).isEqualTo(1);
        assertThat(delta(before, after, "cruddur_dynamodb_requests_total", "none", "GetRecords")).isPositive();
    }

    /** A scrape once the poller has written nothing for half a second: whatever it was doing is done. */
    private static String quietScrape() throws InterruptedException {
        String last = metrics.text("/metrics");
        for (int attempt = 0; attempt < 60; attempt++) {
            Thread.sleep(500);
            String now = metrics.text("/metrics");
            if (sum(now, "cruddur_dynamodb_requests_total", "none", "TransactWriteItems")
                    == sum(last, "cruddur_dynamodb_requests_total", "none", "TransactWriteItems")) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the stream poller never went quiet");
    }

    private static void awaitPreview(String token, String group, String text) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (var row : api.get(LIST_GROUPS, token).body()) {
                if (row.get("uuid").asText().equals(group) && row.get("message").asText().equals(text)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the row of " + group + " never showed '" + text + "'");
    }

    /** The increase of a counter between two scrapes, summed over the series that match. */
    private static double delta(String before, String after, String name, String route, String operation) {
        return sum(after, name, route, operation) - sum(before, name, route, operation);
    }

    /** The same, for the series of one method and status too. */
    private static double delta(String before, String after, String name, String route, String operation,
            String method, String status) {
        String labels = "method=\"" + method + "\"";
        String answered = "status=\"" + status + "\"";
        return sum(after, name, route, operation, labels, answered) - sum(before, name, route, operation, labels, answered);
    }

    private static double sum(String scrape, String name, String route, String operation, String... alsoLabels) {
        double total = 0;
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            String labels = sample.group(2);
            if (sample.group(1).equals(name) && (route == null || labels.contains("route=\"" + route + "\""))
                    && (operation == null || labels.contains("operation=\"" + operation + "\""))
                    && Arrays.stream(alsoLabels).allMatch(labels::contains)) {
                total += Double.parseDouble(sample.group(3));
            }
        }
        return total;
    }
}
