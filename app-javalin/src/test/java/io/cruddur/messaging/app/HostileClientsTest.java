package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cruddur.messaging.app.config.HostConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a client with one valid account may try, and what the host answers, on the memory deployment. */
class HostileClientsTest {
    private static Deployment host;
    private static ApiClient api;
    private static String andrew;
    private static String group;

    @BeforeAll
    static void start() {
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()));
        api = new ApiClient(host.port());
        andrew = api.login("andrewbrown");
        group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void a_key_given_twice_is_a_malformed_body_and_nothing_is_stored() {
        int before = messageCount();

        ApiClient.Reply reply = api.post("/api/messages", andrew,
                "{\"message\":\"a\",\"message\":\"b\",\"message_group_uuid\":\"" + group + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get(0).asText()).isEqualTo("body_malformed");
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    void anything_after_the_object_is_a_malformed_body_and_nothing_is_stored() {
        int before = messageCount();

        for (String trailing : new String[] {"{}", "[1]", "x", "{\"message\":\"again\"}"}) {
            ApiClient.Reply reply = api.post("/api/messages", andrew,
                    "{\"message\":\"a\",\"message_group_uuid\":\"" + group + "\"}" + trailing);

            assertThat(reply.status()).as(trailing).isEqualTo(400);
            assertThat(reply.body().get(0).asText()).isEqualTo("body_malformed");
        }
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    void a_message_that_shows_nothing_is_blank_and_control_characters_are_refused() {
        int before = messageCount();

        assertThat(send("\\u200b\\u200b").body().get(0).asText()).isEqualTo("message_blank");
        assertThat(send("\\u0000").body().get(0).asText()).isEqualTo("message_blank");
        assertThat(send("\\u202e\\u2066").body().get(0).asText()).isEqualTo("message_blank");
        ApiClient.Reply control = send("look\\u0007here");
        assertThat(control.status()).isEqualTo(422);
        assertThat(control.body().get(0).asText()).isEqualTo("message_control_characters");
        assertThat(messageCount()).isEqualTo(before);
        assertThat(send("two\\nlines\\tand a tab").status()).isEqualTo(200);
    }

    @Test
    void a_message_uuid_someone_else_used_neither_blocks_a_send_nor_reveals_theirs() {
        String bayko = api.login("bayko");
        String uuid = UUID.randomUUID().toString();
        ApiClient.Reply mine = api.post("/api/messages", andrew, "{\"message\":\"mine\",\"message_group_uuid\":\""
                + group + "\",\"message_uuid\":\"" + uuid + "\"}");

        ApiClient.Reply theirs = api.post("/api/messages", bayko, "{\"message\":\"theirs\",\"message_group_uuid\":\""
                + group + "\",\"message_uuid\":\"" + uuid + "\"}");

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body().get("handle").asText()).isEqualTo("bayko");
        assertThat(theirs.body().get("message").asText()).isEqualTo("theirs");
        assertThat(api.post("/api/messages", andrew, "{\"message\":\"mine\",\"message_group_uuid\":\"" + group
                + "\",\"message_uuid\":\"" + uuid + "\"}").body()).as("andrew's retry").isEqualTo(mine.body());
        ApiClient.Reply conversation = api.get("/api/messages/" + group + "?limit=3", andrew);
        assertThat(conversation.body().findValuesAsText("message")).endsWith("mine", "theirs");
    }

    @Test
    void the_bearer_scheme_is_matched_regardless_of_case() {
        ApiClient.Reply reply = api.send(HttpRequest.newBuilder(api.uri("/api/message_groups"))
                .header("Authorization", "bearer " + andrew).GET());

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void every_answer_carries_the_security_headers_the_page_included() {
        for (String path : new String[] {"/", "/app.js", "/health", "/api/message_groups"}) {
            ApiClient.Reply reply = api.get(path, path.startsWith("/api") ? andrew : null);

            assertThat(reply.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(reply.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(reply.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
        }
    }

    @Test
    void the_page_has_no_inline_script_nor_inline_style() {
        String page = api.text("/");

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("style=\"")
                .doesNotContain("onclick=");
    }

    @Test
    void a_local_mode_listens_on_loopback_only_unless_told() throws IOException {
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has an address other than loopback");

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(external.get(), host.port()), 2_000);
            throw new AssertionError("the memory deployment answered on " + external.get());
        } catch (ConnectException refused) {
            assertThat(refused).hasMessageContaining("refused");
        }
        assertThat(api.get("/health", null).status()).isEqualTo(200);
    }

    private static ApiClient.Reply send(String jsonText) {
        return api.post("/api/messages", andrew, "{\"message\":\"" + jsonText + "\",\"message_group_uuid\":\"" + group + "\"}");
    }

    private static int messageCount() {
        return api.get("/api/messages/" + group + "?limit=100", andrew).body().size();
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
