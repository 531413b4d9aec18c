package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.app.config.ConnectionLimits;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.config.RateLimits;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One account, or one address, asking more often than a person would: each limit in turn. */
class RateLimitsTest {
    private Deployment host;

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void a_user_past_the_send_limit_is_refused_429_and_nothing_more_is_stored() {
        start(new RateLimits(5, 0, 0, 0, 0), false);
        ApiClient api = new ApiClient(host.port());
        String andrew = api.login("andrewbrown");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        int before = api.get("/api/messages/" + group + "?limit=100", andrew).body().size();

        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/messages", andrew, send(group, "message " + i)).status()).isEqualTo(200);
        }
        ApiClient.Reply refused = api.post("/api/messages", andrew, send(group, "one too many"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get(0).asText()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(api.get("/api/messages/" + group + "?limit=100", andrew).body()).hasSize(before + 5);
        String bayko = api.login("bayko");
        assertThat(api.post("/api/messages", bayko, send(group, "another user's own allowance")).status()).isEqualTo(200);
    }

    @Test
    void starting_conversations_has_an_allowance_of_its_own() {
        start(new RateLimits(0, 2, 0, 0, 0), false);
        ApiClient api = new ApiClient(host.port());
        String andrew = api.login("andrewbrown");

        assertThat(api.post("/api/messages", andrew, "{\"message\":\"hi\",\"handle\":\"londo\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/messages", andrew, "{\"message\":\"hi\",\"handle\":\"altair\"}").status()).isEqualTo(200);
        ApiClient.Reply refused = api.post("/api/messages", andrew, "{\"message\":\"hi\",\"handle\":\"sinclair\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get(0).asText()).isEqualTo("rate_limited");
        assertThat(api.get("/api/message_groups", andrew).body()).as("the demo conversation and two new").hasSize(3);
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        assertThat(api.post("/api/messages", andrew, send(group, "sends still go")).status()).isEqualTo(200);
    }

    @Test
    void group_starts_and_changes_of_members_share_the_starts_allowance() {
        start(new RateLimits(0, 3, 0, 0, 0), false);
        ApiClient api = new ApiClient(host.port());
        String andrew = api.login("andrewbrown");
        String group = api.post("/api/message_groups", andrew,
                "{\"handles\":[\"londo\",\"altair\"],\"message\":\"hi all\"}").body().get("message_group_uuid").asText();
        assertThat(api.post("/api/message_groups/" + group + "/members", andrew, "{\"handles\":[\"bayko\"]}").status())
                .isEqualTo(200);
        assertThat(api.delete("/api/message_groups/" + group + "/members/me", andrew).status()).isEqualTo(204);

        ApiClient.Reply refused = api.post("/api/message_groups", andrew,
                "{\"handles\":[\"londo\",\"sinclair\"],\"message\":\"one group too many\"}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get(0).asText()).isEqualTo("rate_limited");
        assertThat(api.get("/api/message_groups", andrew).body()).as("the demo conversation alone").hasSize(1);
    }

    @Test
    void blocks_made_or_lifted_spend_the_starts_allowance() {
        start(new RateLimits(0, 2, 0, 0, 0), false);
        ApiClient api = new ApiClient(host.port());
        String andrew = api.login("andrewbrown");

        assertThat(api.post("/api/users/@londo/block", andrew, "").status()).isEqualTo(200);
        assertThat(api.delete("/api/users/@londo/block", andrew).status()).isEqualTo(204);
        ApiClient.Reply refused = api.post("/api/users/@londo/block", andrew, "");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(api.get("/api/blocks", andrew).body()).as("the refused block was not made").isEmpty();
    }

    @Test
    void edits_and_deletes_spend_the_sends_allowance() {
        start(new RateLimits(2, 0, 0, 0, 0), false);
        ApiClient api = new ApiClient(host.port());
        String andrew = api.login("andrewbrown");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        String sent = api.post("/api/messages", andrew, send(group, "first words")).body().get("uuid").asText();
        assertThat(api.patch("/api/messages/" + group + "/" + sent, andrew, "{\"message\":\"better words\"}").status())
                .isEqualTo(200);

        ApiClient.Reply refused = api.delete("/api/messages/" + group + "/" + sent, andrew);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get(0).asText()).isEqualTo("rate_limited");
        assertThat(api.get("/api/messages/" + group + "?limit=1", andrew).body().get(0).get("message").asText())
                .as("still there, as edited").isEqualTo("better words");
    }

    @Test
    void marking_read_has_an_allowance_of_its_own() {
        start(new RateLimits(0, 0, 0, 0, 2), false);
        ApiClient api = new ApiClient(host.port());
        String andrew = api.login("andrewbrown");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        String read = "/api/message_groups/" + group + "/read";

        assertThat(api.post(read, andrew, "").status()).isEqualTo(200);
        assertThat(api.post(read, andrew, "").status()).isEqualTo(200);
        ApiClient.Reply refused = api.post(read, andrew, "");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get(0).asText()).isEqualTo("rate_limited");
        assertThat(api.post("/api/messages", andrew, send(group, "sends still go")).status()).isEqualTo(200);
    }

    @Test
    void dev_logins_are_limited_per_client_address() {
        start(new RateLimits(0, 0, 3, 0, 0), false);
        String login = RawConnection.request("POST", "/dev/login", null, "{\"handle\":\"andrewbrown\"}");

        for (int i = 0; i < 3; i++) {
            assertThat(RawConnection.exchange("127.0.0.30", host.port(), login)).startsWith("HTTP/1.1 200");
        }
        String refused = RawConnection.exchange("127.0.0.30", host.port(), login);

        assertThat(refused).startsWith("HTTP/1.1 429").contains("Retry-After: ").endsWith("[\"rate_limited\"]");
        assertThat(RawConnection.exchange("127.0.0.31", host.port(), login)).startsWith("HTTP/1.1 200");
    }

    @Test
    void an_address_that_keeps_sending_bad_tokens_has_its_tokens_refused_unread() {
        start(new RateLimits(0, 0, 0, 3, 0), false);
        String valid = new ApiClient(host.port()).login("andrewbrown");

        for (int i = 0; i < 3; i++) {
            assertThat(groups("127.0.0.40", "abc.def.ghi")).startsWith("HTTP/1.1 401");
        }

        assertThat(groups("127.0.0.40", valid)).startsWith("HTTP/1.1 429").endsWith("[\"rate_limited\"]");
        assertThat(groups("127.0.0.41", valid)).startsWith("HTTP/1.1 200");
    }

    @Test
    void behind_a_proxy_the_forwarded_address_is_the_client() {
        start(new RateLimits(0, 0, 0, 2, 0), true);
        String valid = new ApiClient(host.port()).login("andrewbrown");

        for (int i = 0; i < 2; i++) {
            assertThat(groups("127.0.0.50", "abc.def.ghi", "X-Forwarded-For: 203.0.113.7")).startsWith("HTTP/1.1 401");
        }

        assertThat(groups("127.0.0.50", valid, "X-Forwarded-For: 203.0.113.7")).startsWith("HTTP/1.1 429");
        assertThat(groups("127.0.0.50", valid, "X-Forwarded-For: 203.0.113.8")).startsWith("HTTP/1.1 200");
    }

    private void start(RateLimits rates, boolean behindProxy) {
        ConnectionLimits defaults = ConnectionLimits.DEFAULT;
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()).withRates(rates)
                .withConnections(new ConnectionLimits(defaults.bodyDeadline(), defaults.perAddress(), defaults.total(),
                        behindProxy)));
    }

    private String groups(String from, String token, String... headers) {
        return RawConnection.exchange(from, host.port(), "GET /api/message_groups HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nAuthorization: Bearer " + token + "\r\n"
                + String.join("", Arrays.stream(headers).map(header -> header + "\r\n").toList()) + "\r\n");
    }

    private static String send(String group, String text) {
        return "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}";
    }
}
