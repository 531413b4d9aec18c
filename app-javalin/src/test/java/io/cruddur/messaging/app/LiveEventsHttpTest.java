package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cruddur.messaging.app.config.EventStreamLimits;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.config.RateLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event stream over HTTP: authenticated by header, live, and open to reconnection. */
class LiveEventsHttpTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static Deployment host;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()).withRates(RateLimits.NONE));
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

        try (EventStreamReader first = open(andrew)) {
            send(bayko, group, "live one");
            assertThat(first.next(BOUND)).contains("event: message").contains("live one").contains(group);
        }
        try (EventStreamReader second = open(andrew)) {
            send(bayko, group, "live two");
            assertThat(second.next(BOUND)).contains("live two");
        }
    }

    @Test
    void a_non_member_hears_nothing_of_the_group() throws Exception {
        String londo = api.login("londo");
        String bayko = api.login("bayko");
        String andrew = api.login("andrewbrown");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();

        try (EventStreamReader outsider = open(londo); EventStreamReader member = open(andrew)) {
            send(bayko, group, "not for londo");
            assertThat(member.next(BOUND)).as("the control: a member heard it").contains("not for londo");
            assertThat(api.post("/api/messages", bayko, "{\"message\":\"for londo\",\"handle\":\"@londo\"}")
                    .status()).isEqualTo(200);

            assertThat(outsider.next(BOUND)).as("londo's first event").contains("for londo")
                    .doesNotContain("not for londo");
        }
    }

    @Test
    void members_hear_that_the_members_changed_and_someone_who_left_hears_the_group_no_more() throws Exception {
        String altair = api.login("altair");
        String sinclair = api.login("sinclair");
        String londo = api.login("londo");
        String bayko = api.login("bayko");

        try (EventStreamReader staying = open(londo); EventStreamReader leaving = open(sinclair)) {
            String group = api.post("/api/message_groups", altair,
                    "{\"handles\":[\"sinclair\",\"londo\"],\"message\":\"hi crew\"}").body()
                    .get("message_group_uuid").asText();
            assertThat(staying.next(BOUND)).contains("event: message").contains("hi crew");
            assertThat(leaving.next(BOUND)).contains("event: message").contains("hi crew");

            api.post("/api/message_groups/" + group + "/members", altair, "{\"handles\":[\"bayko\"]}");
            assertThat(staying.next(BOUND)).contains("event: members_changed").contains(group);
            assertThat(leaving.next(BOUND)).contains("event: members_changed").contains(group);

            api.delete("/api/message_groups/" + group + "/members/me", sinclair);
            assertThat(staying.next(BOUND)).contains("event: members_changed").contains(group);
            send(altair, group, "after sinclair left");
            assertThat(staying.next(BOUND)).contains("after sinclair left");
            assertThat(api.post("/api/messages", bayko, "{\"message\":\"for sinclair only\",\"handle\":\"sinclair\"}")
                    .status()).isEqualTo(200);
            assertThat(leaving.next(BOUND)).as("the next event of the one who left").contains("for sinclair only");
        }
    }

    @Test
    void members_hear_of_an_edit_and_a_delete() throws Exception {
        String altair = api.login("altair");
        String sinclair = api.login("sinclair");
        String group = api.post("/api/messages", sinclair, "{\"message\":\"hello\",\"handle\":\"altair\"}").body()
                .get("message_group_uuid").asText();

        try (EventStreamReader reader = open(altair)) {
            String uuid = api.post("/api/messages", sinclair,
                    "{\"message\":\"see you at 5\",\"message_group_uuid\":\"" + group + "\"}").body().get("uuid").asText();
            assertThat(reader.next(BOUND)).contains("event: message").contains("see you at 5");

            api.patch("/api/messages/" + group + "/" + uuid, sinclair, "{\"message\":\"see you at 6\"}");
            assertThat(reader.next(BOUND)).contains("event: message_edited").contains("see you at 6").contains(uuid)
                    .as("a revision carries no event id").doesNotContain("id:");

            api.delete("/api/messages/" + group + "/" + uuid, sinclair);
            assertThat(reader.next(BOUND)).contains("event: message_deleted").contains("\"deleted\":true")
                    .doesNotContain("see you at");
        }
    }

    @Test
    void the_other_member_hears_how_far_someone_read_and_a_stranger_hears_nothing() throws Exception {
        String londo = api.login("londo");
        String altair = api.login("altair");
        String bayko = api.login("bayko");

        try (EventStreamReader sender = open(londo); EventStreamReader stranger = open(bayko)) {
            String group = api.post("/api/messages", londo, "{\"message\":\"did you read this?\",\"handle\":\"altair\"}")
                    .body().get("message_group_uuid").asText();
            assertThat(sender.next(BOUND)).contains("event: message").contains("did you read this?");
            ApiClient.Reply read = api.post("/api/message_groups/" + group + "/read", altair, "");
            String altairsId = api.get("/api/users/@altair/short", null).body().get("uuid").asText();

            assertThat(sender.next(BOUND)).contains("event: read").contains(group).contains(altairsId)
                    .contains(read.body().get("last_read_at").asText()).doesNotContain("id:");
            assertThat(api.post("/api/messages", londo, "{\"message\":\"for bayko\",\"handle\":\"bayko\"}")
                    .status()).isEqualTo(200);
            assertThat(stranger.next(BOUND)).as("bayko's first event").contains("for bayko").doesNotContain("event: read");
        }
    }

    @Test
    void a_stream_that_is_never_read_delays_neither_sends_nor_other_streams_and_is_dropped() throws Exception {
        String andrew = api.login("andrewbrown");
        String bayko = api.login("bayko");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        String text = "x".repeat(1_000);
        int sends = 3_000;

        try (Socket neverRead = openUnread(andrew); EventStreamReader reader = open(andrew)) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < sends; i++) {
                    send(bayko, group, i + " " + text);
                }
            }, "every send returns although one member's stream is never read");
            for (int i = 0; i < sends; i++) {
                assertThat(reader.next(BOUND)).contains("\"" + i + " x");
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
            try (EventStreamReader first = EventStreamReader.open(events, smallApi.login("andrewbrown"), BOUND)) {
                assertThat(first.nothingPending()).isTrue();
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

    private static EventStreamReader open(String token) throws Exception {
        return EventStreamReader.open(uri(), token, BOUND);
    }

    private static URI uri() {
        return URI.create("http://localhost:" + host.port() + "/api/events");
    }
}
