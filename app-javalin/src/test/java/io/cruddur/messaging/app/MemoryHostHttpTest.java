package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.SignedJWT;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.config.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route and every error code over HTTP, on the memory deployment (seeded, dev login). */
class MemoryHostHttpTest {
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static Deployment host;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        // starts and changes of members unlimited: the tests share five users, and RateLimitsTest covers the limits
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0,
                Map.of("FRONTEND_URL", "http://localhost:3000")).withRates(new RateLimits(RateLimits.DEFAULT_SENDS, 0,
                RateLimits.DEFAULT_DEV_LOGINS, RateLimits.DEFAULT_REFUSED_TOKENS, RateLimits.DEFAULT_READS)));
        api = new ApiClient(host.port());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void health_answers_without_a_token() {
        assertThat(api.get("/health", null).status()).isEqualTo(200);
    }

    @Test
    void the_key_set_names_its_algorithm_and_use_as_cognitos_does_so_strict_verifiers_find_the_key() throws Exception {
        String token = token("andrewbrown");
        JWKSet keys = JWKSet.parse(api.text("/.well-known/jwks.json"));
        SignedJWT signed = SignedJWT.parse(token);

        List<JWK> matching = new JWKSelector(new JWKMatcher.Builder().keyType(KeyType.RSA).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).keyID(signed.getHeader().getKeyID()).build()).select(keys);

        assertThat(matching).hasSize(1);
        assertThat(signed.verify(new RSASSAVerifier(matching.get(0).toRSAKey()))).isTrue();
        assertThat(matching.get(0).isPrivate()).isFalse();
    }

    @Test
    void metrics_are_not_served_unless_asked_for() {
        assertThat(api.get("/metrics", null).status()).isEqualTo(404);
    }

    @Test
    void the_seeded_conversation_pages_back_through_link_headers() {
        String andrew = token("andrewbrown");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        List<String> texts = new ArrayList<>();
        String next = "/api/messages/" + group + "?limit=12";
        int pages = 0;
        while (next != null) {
            ApiClient.Reply page = api.get(next, andrew);
            assertThat(page.status()).isEqualTo(200);
            List<String> pageTexts = new ArrayList<>();
            page.body().forEach(message -> pageTexts.add(message.get("message").asText()));
            texts.addAll(0, pageTexts);
            next = page.link("next");
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(texts).hasSize(DemoData.CONVERSATION_LENGTH);
        assertThat(texts.get(0)).startsWith("Message 1 of");
        assertThat(texts.get(texts.size() - 1)).startsWith("Message " + DemoData.CONVERSATION_LENGTH + " of");
    }

    @Test
    void starting_a_conversation_sending_and_listing_use_the_reference_shapes() {
        String londo = token("londo");
        String altair = token("altair");

        ApiClient.Reply started = api.post("/api/messages", londo, "{\"message\":\"hello altair\",\"handle\":\"@altair\"}");
        String group = started.body().get("message_group_uuid").asText();
        ApiClient.Reply sent = api.post("/api/messages", altair,
                "{\"message\":\"hi londo\",\"message_group_uuid\":\"" + group + "\"}");
        JsonNode groups = api.get("/api/message_groups", londo).body();
        JsonNode messages = api.get("/api/messages/" + group, londo).body();

        assertThat(started.status()).isEqualTo(200);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(fields(sent.body())).containsExactlyInAnyOrder(
                "message_group_uuid", "uuid", "display_name", "handle", "message", "created_at");
        assertThat(sent.body().get("handle").asText()).isEqualTo("altair");
        assertThat(groups.get(0).get("uuid").asText()).isEqualTo(group);
        assertThat(groups.get(0).get("handle").asText()).isEqualTo("altair");
        assertThat(groups.get(0).get("message").asText()).isEqualTo("hi londo");
        assertThat(fields(groups.get(0))).containsExactlyInAnyOrder("uuid", "display_name", "handle", "message", "created_at",
                "kind", "members", "unread");
        assertThat(groups.get(0).get("unread").asInt()).isEqualTo(1);
        assertThat(groups.get(0).get("kind").asText()).isEqualTo("pair");
        assertThat(groups.get(0).get("members").asInt()).isEqualTo(2);
        assertThat(messages).extracting(message -> message.get("message").asText()).containsExactly("hello altair", "hi londo");
        assertThat(api.get("/api/users/@altair/short", null).body().get("display_name").asText()).isEqualTo("Altair Nakamura");
    }

    @Test
    void a_group_is_started_listed_and_written_to_by_every_member() {
        String altair = token("altair");
        String sinclair = token("sinclair");
        String londo = token("londo");

        ApiClient.Reply started = api.post("/api/message_groups", altair,
                "{\"handles\":[\"@sinclair\",\"londo\"],\"title\":\"Weekend\",\"message\":\"Hi all\"}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(fields(started.body())).containsExactly("message_group_uuid");
        String group = started.body().get("message_group_uuid").asText();
        assertThat(api.post("/api/messages", londo,
                "{\"message\":\"count me in\",\"message_group_uuid\":\"" + group + "\"}").status()).isEqualTo(200);

        for (String member : List.of(altair, sinclair, londo)) {
            JsonNode row = api.get("/api/message_groups", member).body().get(0);
            assertThat(row.get("uuid").asText()).isEqualTo(group);
            assertThat(row.get("display_name").asText()).isEqualTo("Weekend");
            assertThat(row.get("handle").asText()).isEmpty();
            assertThat(row.get("message").asText()).isEqualTo("count me in");
            assertThat(row.get("kind").asText()).isEqualTo("group");
            assertThat(row.get("members").asInt()).isEqualTo(3);
        }
        assertThat(api.get("/api/messages/" + group, sinclair).body()).extracting(message -> message.get("message").asText())
                .containsExactly("Hi all", "count me in");
        assertCodes(api.get("/api/messages/" + group, token("bayko")), 403, "not_a_member");
    }

    @Test
    void one_handle_without_a_title_on_the_group_route_is_the_pair_conversation() {
        String bayko = token("bayko");
        String viaMessages = api.post("/api/messages", bayko, "{\"message\":\"hello\",\"handle\":\"altair\"}")
                .body().get("message_group_uuid").asText();

        ApiClient.Reply viaGroups = api.post("/api/message_groups", bayko, "{\"handles\":[\"altair\"],\"message\":\"again\"}");

        assertThat(viaGroups.body().get("message_group_uuid").asText()).isEqualTo(viaMessages);
    }

    @Test
    void a_retried_group_start_with_the_same_idempotency_key_starts_one_group() {
        String sinclair = token("sinclair");
        String key = UUID.randomUUID().toString();
        String body = "{\"handles\":[\"bayko\",\"altair\"],\"message\":\"once\"}";

        ApiClient.Reply first = api.post("/api/message_groups", sinclair, body, "Idempotency-Key", key);
        ApiClient.Reply retry = api.post("/api/message_groups", sinclair, body, "Idempotency-Key", key);
        ApiClient.Reply reused = api.post("/api/message_groups", sinclair,
                "{\"handles\":[\"bayko\",\"altair\"],\"message\":\"other\",\"message_uuid\":\"" + key + "\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertCodes(reused, 409, "message_uuid_reused");
    }

    @Test
    void group_refusals_have_their_status_and_codes() {
        String andrew = token("andrewbrown");

        assertCodes(api.post("/api/message_groups", andrew, "{\"handles\":[\"bayko\"],\"title\":\"Two\",\"message\":\"hi\"}"),
                422, "group_too_small");
        assertCodes(api.post("/api/message_groups", andrew,
                "{\"handles\":[\"bayko\",\"londo\"],\"title\":\"" + "x".repeat(101) + "\",\"message\":\" \"}"),
                422, "message_blank", "group_title_invalid");
        assertCodes(api.post("/api/message_groups", andrew, "{\"handles\":[],\"message\":\"hi\"}"),
                422, "user_reciever_handle_blank");
        assertCodes(api.post("/api/message_groups", andrew, "{\"handles\":[\"bayko\",\"nobody\"],\"message\":\"hi\"}"),
                404, "handle_not_found");
        assertCodes(api.post("/api/message_groups", andrew, "{\"handles\":[\"bayko\",\"andrewbrown\"],\"message\":\"hi\"}"),
                422, "conversation_with_self");
        assertCodes(api.post("/api/message_groups", andrew, "{\"handles\":\"bayko\",\"message\":\"hi\"}"),
                400, "body_malformed");
        assertCodes(api.post("/api/message_groups", andrew, "{\"handles\":[\"bayko\",5],\"message\":\"hi\"}"),
                400, "body_malformed");
        assertCodes(api.post("/api/message_groups", null, "{\"handles\":[\"bayko\",\"londo\"],\"message\":\"hi\"}"),
                401, "token_missing");
        assertCodes(api.post("/api/message_groups", andrew,
                "{\"handles\":[\"bayko\",\"no such!\"],\"message\":\"hi\",\"message_uuid\":\"42\"}"),
                422, "handle_invalid", "message_uuid_invalid");
        String tooMany = IntStream.range(0, 50).mapToObj(i -> "\"user" + i + "\"").collect(Collectors.joining(","));
        assertCodes(api.post("/api/message_groups", andrew, "{\"handles\":[" + tooMany + "],\"message\":\"hi\"}"),
                422, "group_too_large");
    }

    @Test
    void members_are_listed_added_and_leave_over_http() {
        String altair = token("altair");
        String sinclair = token("sinclair");
        String londo = token("londo");
        String bayko = token("bayko");
        String group = api.post("/api/message_groups", altair,
                "{\"handles\":[\"sinclair\",\"londo\"],\"title\":\"Crew\",\"message\":\"Hi crew\"}")
                .body().get("message_group_uuid").asText();
        String members = "/api/message_groups/" + group + "/members";

        ApiClient.Reply listed = api.get(members, sinclair);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(fields(listed.body().get(0))).containsExactly("uuid", "handle", "display_name", "last_read_at");
        assertThat(handles(listed)).containsExactly("altair", "sinclair", "londo");

        ApiClient.Reply added = api.post(members, londo, "{\"handles\":[\"@bayko\"]}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(handles(added)).containsExactly("altair", "sinclair", "londo", "bayko");
        assertThat(handles(api.post(members, altair, "{\"handles\":[\"bayko\"]}")))
                .as("a retry adds nobody twice").containsExactly("altair", "sinclair", "londo", "bayko");
        assertThat(api.get("/api/messages/" + group, bayko).body()).extracting(message -> message.get("message").asText())
                .containsExactly("Hi crew");
        JsonNode baykosRow = api.get("/api/message_groups", bayko).body().get(0);
        assertThat(baykosRow.get("uuid").asText()).isEqualTo(group);
        assertThat(baykosRow.get("members").asInt()).isEqualTo(4);

        ApiClient.Reply left = api.delete(members + "/me", sinclair);
        assertThat(left.status()).isEqualTo(204);
        assertThat(left.body()).isNull();
        assertCodes(api.get("/api/messages/" + group, sinclair), 403, "not_a_member");
        assertCodes(api.post("/api/messages", sinclair, "{\"message\":\"back?\",\"message_group_uuid\":\"" + group + "\"}"),
                403, "not_a_member");
        assertCodes(api.get(members, sinclair), 403, "not_a_member");
        assertCodes(api.delete(members + "/me", sinclair), 403, "not_a_member");
        assertThat(handles(api.get(members, altair))).containsExactly("altair", "londo", "bayko");
        assertThat(api.get("/api/message_groups", altair).body().get(0).get("members").asInt()).isEqualTo(3);
    }

    @Test
    void membership_refusals_have_their_status_and_codes() {
        String altair = token("altair");
        String bayko = token("bayko");
        String pair = api.post("/api/messages", altair, "{\"message\":\"just us\",\"handle\":\"sinclair\"}")
                .body().get("message_group_uuid").asText();
        String group = api.post("/api/message_groups", altair,
                "{\"handles\":[\"sinclair\",\"londo\"],\"message\":\"hi\"}").body().get("message_group_uuid").asText();
        String members = "/api/message_groups/" + group + "/members";

        assertCodes(api.post("/api/message_groups/" + pair + "/members", altair, "{\"handles\":[\"bayko\"]}"),
                409, "pair_members_fixed");
        assertCodes(api.delete("/api/message_groups/" + pair + "/members/me", altair), 409, "pair_members_fixed");
        assertThat(handles(api.get("/api/message_groups/" + pair + "/members", altair))).containsExactly("altair", "sinclair");
        assertCodes(api.post(members, bayko, "{\"handles\":[\"bayko\"]}"), 403, "not_a_member");
        assertCodes(api.get(members, bayko), 403, "not_a_member");
        assertCodes(api.delete(members + "/me", bayko), 403, "not_a_member");
        assertCodes(api.post("/api/message_groups/" + UUID.randomUUID() + "/members", altair, "{\"handles\":[\"bayko\"]}"),
                404, "message_group_not_found");
        assertCodes(api.delete("/api/message_groups/" + UUID.randomUUID() + "/members/me", altair),
                404, "message_group_not_found");
        assertCodes(api.post("/api/message_groups/42/members", altair, "{\"handles\":[\" \"]}"),
                422, "message_group_uuid_invalid", "user_reciever_handle_blank");
        assertCodes(api.get("/api/message_groups/42/members", altair), 422, "message_group_uuid_invalid");
        assertCodes(api.post(members, altair, "{\"handles\":[]}"), 422, "user_reciever_handle_blank");
        assertCodes(api.post(members, altair, "{\"handles\":[\"no such!\"]}"), 422, "handle_invalid");
        assertCodes(api.post(members, altair, "{\"handles\":\"bayko\"}"), 400, "body_malformed");
        assertCodes(api.post(members, altair, "{\"handles\":[\"nobody\"]}"), 404, "handle_not_found");
        assertCodes(api.post(members, null, "{\"handles\":[\"bayko\"]}"), 401, "token_missing");
        assertCodes(api.delete(members + "/me", null), 401, "token_missing");
        assertCodes(api.get(members, null), 401, "token_missing");
        assertThat(handles(api.get(members, altair))).containsExactly("altair", "sinclair", "londo");
    }

    @Test
    void unread_counts_follow_messages_and_marking_read_and_members_show_how_far_each_read() {
        String sinclair = token("sinclair");
        String bayko = token("bayko");
        String group = api.post("/api/message_groups", sinclair,
                "{\"handles\":[\"bayko\",\"altair\"],\"title\":\"Readers\",\"message\":\"one\"}")
                .body().get("message_group_uuid").asText();
        String two = api.post("/api/messages", sinclair, send(group, "two")).body().get("uuid").asText();
        api.post("/api/messages", sinclair, send(group, "three"));
        String read = "/api/message_groups/" + group + "/read";
        assertThat(unread(bayko, group)).isEqualTo(3);

        ApiClient.Reply upToTwo = api.post(read, bayko, "{\"message_uuid\":\"" + two + "\"}");
        assertThat(upToTwo.status()).isEqualTo(200);
        assertThat(fields(upToTwo.body())).containsExactly("message_group_uuid", "last_read_at", "unread");
        assertThat(upToTwo.body().get("unread").asInt()).isEqualTo(1);
        assertThat(unread(bayko, group)).isEqualTo(1);

        ApiClient.Reply everything = api.post(read, bayko, "");
        assertThat(everything.body().get("unread").asInt()).isZero();
        assertThat(api.post(read, bayko, "{\"message_uuid\":\"" + two + "\"}").body())
                .as("an older position changes nothing").isEqualTo(everything.body());
        JsonNode members = api.get("/api/message_groups/" + group + "/members", sinclair).body();
        assertThat(members.get(1).get("handle").asText()).isEqualTo("bayko");
        assertThat(members.get(1).get("last_read_at").asText()).isEqualTo(everything.body().get("last_read_at").asText());
        assertThat(members.get(2).get("last_read_at").isNull()).as("altair has read nothing").isTrue();
        assertThat(api.get("/api/messages/" + group + "?limit=1", bayko).body().get(0).get("created_at").asText())
                .isEqualTo(everything.body().get("last_read_at").asText());
    }

    @Test
    void marking_read_refusals_have_their_status_and_codes() {
        String bayko = token("bayko");
        String londo = token("londo");
        String group = api.post("/api/message_groups", bayko,
                "{\"handles\":[\"sinclair\",\"altair\"],\"title\":\"Refusals\",\"message\":\"read me\"}")
                .body().get("message_group_uuid").asText();
        String read = "/api/message_groups/" + group + "/read";

        assertCodes(api.post(read, londo, ""), 403, "not_a_member");
        assertCodes(api.post("/api/message_groups/" + UUID.randomUUID() + "/read", bayko, ""), 404,
                "message_group_not_found");
        assertCodes(api.post(read, bayko, "{\"message_uuid\":\"" + UUID.randomUUID() + "\"}"), 404,
                "message_not_found");
        assertCodes(api.post(read, bayko, "{\"message_uuid\":\"42\"}"), 422, "message_uuid_invalid");
        assertCodes(api.post("/api/message_groups/42/read", bayko, "{\"message_uuid\":\"42\"}"), 422,
                "message_group_uuid_invalid", "message_uuid_invalid");
        assertCodes(api.post(read, bayko, "[]"), 400, "body_malformed");
        assertCodes(api.post(read, bayko, "{\"message_uuid\":7}"), 400, "body_malformed");
        assertCodes(api.post(read, null, ""), 401, "token_missing");
    }

    @Test
    void a_block_is_made_listed_and_lifted_over_http_and_holds_in_between() {
        String sinclair = token("sinclair");
        String londo = token("londo");
        String pair = api.post("/api/messages", sinclair, "{\"message\":\"hello londo\",\"handle\":\"londo\"}")
                .body().get("message_group_uuid").asText();

        ApiClient.Reply blocked = api.post("/api/users/@londo/block", sinclair, "");
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(blocked.body().get("handle").asText()).isEqualTo("londo");
        assertThat(handles(api.get("/api/blocks", sinclair))).containsExactly("londo");
        assertCodes(api.post("/api/messages", londo, send(pair, "let me explain")), 403, "blocked");
        assertCodes(api.post("/api/messages", londo, "{\"message\":\"please\",\"handle\":\"sinclair\"}"), 403,
                "blocked");
        assertCodes(api.post("/api/message_groups", londo, "{\"handles\":[\"sinclair\"],\"message\":\"the other way\"}"),
                403, "blocked");
        assertCodes(api.post("/api/message_groups", londo,
                "{\"handles\":[\"sinclair\",\"bayko\"],\"message\":\"in a group\"}"), 403, "blocked");
        assertThat(last(api.get("/api/messages/" + pair, sinclair).body()).get("message").asText())
                .as("the blocker still reads").isEqualTo("hello londo");

        ApiClient.Reply lifted = api.delete("/api/users/@londo/block", sinclair);
        assertThat(lifted.status()).isEqualTo(204);
        assertThat(handles(api.get("/api/blocks", sinclair))).isEmpty();
        assertThat(api.post("/api/messages", londo, send(pair, "thank you")).status()).isEqualTo(200);
    }

    @Test
    void block_refusals_have_their_status_and_codes() {
        String bayko = token("bayko");

        assertCodes(api.post("/api/users/@bayko/block", bayko, ""), 422, "block_self");
        assertCodes(api.post("/api/users/@nobody/block", bayko, ""), 404, "handle_not_found");
        assertCodes(api.delete("/api/users/@no%20such!/block", bayko), 422, "handle_invalid");
        assertCodes(api.post("/api/users/@londo/block", null, ""), 401, "token_missing");
        assertCodes(api.get("/api/blocks", null), 401, "token_missing");
        assertThat(handles(api.get("/api/blocks", bayko))).isEmpty();
    }

    @Test
    void a_sender_edits_and_deletes_a_message_and_every_member_reads_the_result() {
        String sinclair = token("sinclair");
        String londo = token("londo");
        String group = api.post("/api/messages", sinclair, "{\"message\":\"hello\",\"handle\":\"londo\"}")
                .body().get("message_group_uuid").asText();
        JsonNode sent = api.post("/api/messages", sinclair,
                "{\"message\":\"see you at 5\",\"message_group_uuid\":\"" + group + "\"}").body();
        String message = "/api/messages/" + group + "/" + sent.get("uuid").asText();

        ApiClient.Reply edited = api.patch(message, sinclair, "{\"message\":\"see you at 6\"}");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(fields(edited.body())).containsExactly("message_group_uuid", "uuid", "display_name", "handle",
                "message", "created_at", "edited_at");
        assertThat(edited.body().get("message").asText()).isEqualTo("see you at 6");
        assertThat(edited.body().get("uuid")).isEqualTo(sent.get("uuid"));
        assertThat(edited.body().get("created_at")).isEqualTo(sent.get("created_at"));
        assertThat(api.patch(message, sinclair, "{\"message\":\"see you at 6\"}").body())
                .as("the same text again").isEqualTo(edited.body());
        JsonNode asLondoReadsIt = last(api.get("/api/messages/" + group, londo).body());
        assertThat(asLondoReadsIt.get("message").asText()).isEqualTo("see you at 6");
        assertThat(asLondoReadsIt.get("edited_at")).isEqualTo(edited.body().get("edited_at"));
        assertThat(asLondoReadsIt.has("deleted")).isFalse();

        ApiClient.Reply deleted = api.delete(message, sinclair);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.body().get("message").asText()).isEmpty();
        JsonNode tombstone = last(api.get("/api/messages/" + group, londo).body());
        assertThat(tombstone.get("uuid")).isEqualTo(sent.get("uuid"));
        assertThat(tombstone.get("deleted").asBoolean()).isTrue();
        assertThat(tombstone.get("message").asText()).isEmpty();
        assertThat(api.get("/api/message_groups", londo).body().get(0).get("message").asText())
                .isEqualTo("This message was deleted");
        assertThat(api.delete(message, sinclair).body()).as("deleting again").isEqualTo(deleted.body());
        assertCodes(api.patch(message, sinclair, "{\"message\":\"take two\"}"), 409, "message_deleted");
    }

    @Test
    void edit_and_delete_refusals_have_their_status_and_codes() {
        String sinclair = token("sinclair");
        String londo = token("londo");
        String bayko = token("bayko");
        String group = api.post("/api/messages", sinclair, "{\"message\":\"hello\",\"handle\":\"londo\"}")
                .body().get("message_group_uuid").asText();
        String uuid = api.post("/api/messages", sinclair,
                "{\"message\":\"mine\",\"message_group_uuid\":\"" + group + "\"}").body().get("uuid").asText();
        String message = "/api/messages/" + group + "/" + uuid;

        assertCodes(api.patch(message, londo, "{\"message\":\"not yours\"}"), 403, "not_the_sender");
        assertCodes(api.delete(message, londo), 403, "not_the_sender");
        assertCodes(api.patch(message, bayko, "{\"message\":\"let me\"}"), 403, "not_a_member");
        assertCodes(api.delete("/api/messages/" + group + "/" + UUID.randomUUID(), sinclair), 404, "message_not_found");
        assertCodes(api.delete("/api/messages/" + UUID.randomUUID() + "/" + uuid, sinclair), 404, "message_group_not_found");
        assertCodes(api.patch("/api/messages/42/43", sinclair, "{\"message\":\" \"}"),
                422, "message_group_uuid_invalid", "message_uuid_invalid", "message_blank");
        assertCodes(api.patch(message, sinclair, "{\"message\":\"" + "x".repeat(1025) + "\"}"),
                422, "message_exceed_max_chars");
        assertCodes(api.patch(message, sinclair, "{\"message\":5}"), 400, "body_malformed");
        assertCodes(api.patch(message, null, "{\"message\":\"who?\"}"), 401, "token_missing");
        assertCodes(api.delete(message, null), 401, "token_missing");
        assertThat(last(api.get("/api/messages/" + group, londo).body()).get("message").asText()).isEqualTo("mine");
    }

    @Test
    void a_message_is_no_longer_edited_or_deleted_once_the_hosts_edit_window_passed() throws InterruptedException {
        try (Deployment quick = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of())
                .withEditWindow(Duration.ofSeconds(1)))) {
            ApiClient quickApi = new ApiClient(quick.port());
            String andrew = quickApi.login("andrewbrown");
            String group = quickApi.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
            String uuid = quickApi.post("/api/messages", andrew,
                    "{\"message\":\"quick\",\"message_group_uuid\":\"" + group + "\"}").body().get("uuid").asText();
            Thread.sleep(1_100);

            assertCodes(quickApi.patch("/api/messages/" + group + "/" + uuid, andrew, "{\"message\":\"slow\"}"),
                    403, "edit_window_passed");
            assertCodes(quickApi.delete("/api/messages/" + group + "/" + uuid, andrew), 403, "edit_window_passed");
        }
    }

    @Test
    void the_hosts_group_member_limit_is_the_one_configured() {
        try (Deployment small = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of())
                .withMaxGroupMembers(3))) {
            ApiClient smallApi = new ApiClient(small.port());
            String andrew = smallApi.login("andrewbrown");

            assertThat(smallApi.post("/api/message_groups", andrew,
                    "{\"handles\":[\"bayko\",\"londo\"],\"message\":\"hi\"}").status()).isEqualTo(200);
            assertCodes(smallApi.post("/api/message_groups", andrew,
                    "{\"handles\":[\"bayko\",\"londo\",\"altair\"],\"message\":\"hi\"}"), 422, "group_too_large");
            String group = smallApi.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
            assertCodes(smallApi.post("/api/message_groups/" + group + "/members", andrew, "{\"handles\":[\"altair\"]}"),
                    422, "group_too_large");
        }
    }

    @Test
    void a_retried_send_with_the_same_idempotency_key_stores_one_message() {
        String sinclair = token("sinclair");
        String group = api.post("/api/messages", sinclair, "{\"message\":\"first\",\"handle\":\"bayko\"}")
                .body().get("message_group_uuid").asText();
        String key = UUID.randomUUID().toString();
        String body = "{\"message\":\"only once\",\"message_group_uuid\":\"" + group + "\"}";

        ApiClient.Reply first = api.post("/api/messages", sinclair, body, "Idempotency-Key", key);
        ApiClient.Reply retry = api.post("/api/messages", sinclair, body, "Idempotency-Key", key);
        ApiClient.Reply reused = api.post("/api/messages", sinclair,
                "{\"message\":\"different\",\"message_group_uuid\":\"" + group + "\",\"message_uuid\":\"" + key + "\"}");

        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.get("/api/messages/" + group, sinclair).body()).hasSize(2);
        assertCodes(reused, 409, "message_uuid_reused");
    }

    @Test
    void refusals_have_their_status_and_codes() {
        String andrew = token("andrewbrown");
        String londo = token("londo");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();

        assertCodes(api.get("/api/message_groups", null), 401, "token_missing");
        assertCodes(api.get("/api/message_groups", "forged.token.value"), 401, "token_invalid");
        assertCodes(api.get("/api/messages/" + group, londo), 403, "not_a_member");
        assertCodes(api.post("/api/messages", londo, "{\"message\":\"let me in\",\"message_group_uuid\":\"" + group + "\"}"),
                403, "not_a_member");
        assertCodes(api.get("/api/messages/" + UUID.randomUUID(), andrew), 404, "message_group_not_found");
        assertCodes(api.post("/api/messages", andrew, "{\"message\":\"hi\",\"handle\":\"nobody\"}"), 404, "handle_not_found");
        assertCodes(api.get("/api/users/@nobody/short", null), 404, "handle_not_found");
        assertCodes(api.post("/api/messages", andrew, "{\"message\":\" \",\"message_group_uuid\":\"\"}"),
                422, "message_blank", "message_group_uuid_blank");
        assertCodes(api.post("/api/messages", andrew, "{\"message\":\"" + "x".repeat(1025) + "\",\"handle\":\"\"}"),
                422, "message_exceed_max_chars", "user_reciever_handle_blank");
        assertCodes(api.post("/api/messages", andrew, "{\"message\":\"hi\",\"message_group_uuid\":\"42\"}"),
                422, "message_group_uuid_invalid");
        assertCodes(api.post("/api/messages", andrew, "{\"message\":\"hi\",\"handle\":\"andrewbrown\"}"),
                422, "conversation_with_self");
        assertCodes(api.get("/api/messages/not-a-uuid", andrew), 422, "message_group_uuid_invalid");
        assertCodes(api.get("/api/message_groups?limit=0", andrew), 422, "limit_invalid");
        assertCodes(api.get("/api/message_groups?cursor=forged", andrew), 400, "cursor_invalid");
        assertCodes(api.post("/api/messages", andrew, "{not json"), 400, "body_malformed");
        assertCodes(api.post("/api/messages", andrew, "[1,2]"), 400, "body_malformed");
        assertCodes(api.post("/api/messages", andrew, "{\"message\":5,\"handle\":\"bayko\"}"), 400, "body_malformed");
        assertCodes(api.post("/api/messages", andrew, "{\"message\":\"" + "x".repeat(20_000) + "\"}"), 413, "body_too_large");
        assertCodes(api.post("/dev/login", null, "{\"handle\":\"nobody\"}"), 404, "handle_not_found");
        assertCodes(api.post("/dev/login", null, "{}"), 422, "handle_invalid");
    }

    @Test
    void cors_allows_the_frontend_origin_with_the_reference_headers() {
        ApiClient.Reply preflight = api.preflight("/api/messages", "http://localhost:3000");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization")
                .containsIgnoringCase("content-type");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
    }

    @Test
    void the_preflight_max_age_is_the_one_configured() {
        Deployment configured = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0,
                Map.of("FRONTEND_URL", "http://localhost:3000")).withPreflightMaxAge(Duration.ofSeconds(45)));
        try {
            ApiClient.Reply preflight = new ApiClient(configured.port()).preflight("/api/messages", "http://localhost:3000");

            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("45");
        } finally {
            configured.close();
        }
    }

    @Test
    void the_hosts_own_page_may_send_beside_the_frontend_and_its_message_is_stored_once() {
        String andrew = token("andrewbrown");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        int before = api.get("/api/messages/" + group + "?limit=100", andrew).body().size();

        ApiClient.Reply sent = api.post("/api/messages", andrew,
                "{\"message\":\"from the page itself\",\"message_group_uuid\":\"" + group + "\"}",
                "Origin", "http://localhost:" + host.port());

        assertThat(sent.status()).isEqualTo(200);
        assertThat(api.get("/api/messages/" + group + "?limit=100", andrew).body()).hasSize(before + 1);
    }

    @Test
    void a_page_of_another_origin_is_refused_before_anything_is_stored() {
        String andrew = token("andrewbrown");
        String group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
        int before = api.get("/api/messages/" + group + "?limit=100", andrew).body().size();

        ApiClient.Reply refused = api.post("/api/messages", andrew,
                "{\"message\":\"from elsewhere\",\"message_group_uuid\":\"" + group + "\"}",
                "Origin", "https://evil.example");

        assertCodes(refused, 403, "origin_not_allowed");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(api.get("/api/messages/" + group + "?limit=100", andrew).body()).hasSize(before);
    }

    /** One dev login per user for the whole class, which stays well inside the host's login allowance. */
    private static String token(String handle) {
        return TOKENS.computeIfAbsent(handle, api::login);
    }

    private static int unread(String token, String group) {
        for (JsonNode row : api.get("/api/message_groups", token).body()) {
            if (row.get("uuid").asText().equals(group)) {
                return row.get("unread").asInt();
            }
        }
        throw new AssertionError("no row of group " + group);
    }

    private static String send(String group, String text) {
        return "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}";
    }

    private static void assertCodes(ApiClient.Reply reply, int status, String... codes) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        List<String> actual = new ArrayList<>();
        reply.body().forEach(code -> actual.add(code.asText()));
        assertThat(actual).containsExactly(codes);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<String> handles(ApiClient.Reply members) {
        assertThat(members.status()).as("status of %s", members.body()).isEqualTo(200);
        List<String> handles = new ArrayList<>();
        members.body().forEach(member -> handles.add(member.get("handle").asText()));
        return handles;
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
