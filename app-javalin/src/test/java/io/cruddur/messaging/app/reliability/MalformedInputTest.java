package io.cruddur.messaging.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cruddur.messaging.app.ApiClient;
import io.cruddur.messaging.app.Deployment;
import io.cruddur.messaging.app.auth.LocalIssuer;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.core.domain.ErrorCode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile requests, many generated: every one is answered 4xx with documented codes,
 * never 5xx, and none of them stores anything.
 */
@Tag("reliability")
class MalformedInputTest {
    private static final Set<String> DOCUMENTED = new HashSet<>(Set.of(
            "body_malformed", "body_too_large", "token_missing", "token_invalid"));
    private static final List<String> WRONG_TYPES = List.of("1", "true", "[]", "{}", "[\"a\"]", "{\"a\":1}", "1.5");
    private static final List<String> BAD_TEXTS = List.of("\"\"", "\" \\t\\n \"", "\"\\u2003\\u2003\"",
            "\"" + "x".repeat(1025) + "\"", "\"" + "\\ud83d\\ude00".repeat(1025) + "\"");
    private static final List<String> BAD_UUIDS = List.of("\"\"", "\"not-a-uuid\"", "\"1-1-1-1-1\"",
            "\"00000000-0000-0000-0000-00000000000g\"", "\"" + UUID.randomUUID() + "0\"", "\"\\u0000\"");
    private static final List<String> BAD_HANDLES = List.of("\"\"", "\"@\"", "\"two words\"", "\"<script>\"",
            "\"\\u0000\"", "\"" + "h".repeat(65) + "\"", "\"héllo\"");

    private static Deployment host;
    private static ApiClient api;
    private static String andrew;
    private static String londo;
    private static String group;

    @BeforeAll
    static void start() {
        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).forEach(DOCUMENTED::add);
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()));
        api = new ApiClient(host.port());
        andrew = api.login("andrewbrown");
        londo = api.login("londo");
        group = api.get("/api/message_groups", andrew).body().get(0).get("uuid").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void every_malformed_request_is_a_documented_4xx_and_stores_nothing() throws Exception {
        Map<String, Supplier<ApiClient.Reply>> probes = new LinkedHashMap<>();
        for (String raw : List.of("", "{", "[]", "null", "42", "\"text\"", "{\"message\":\"x\"", "{'message':'x'}")) {
            probes.put("body " + raw, () -> post(andrew, raw));
        }
        for (String field : List.of("message", "message_group_uuid", "handle", "message_uuid")) {
            for (String value : WRONG_TYPES) {
                probes.put(field + "=" + value, () -> post(andrew, "{\"message\":\"x\",\"handle\":\"bayko\",\"" + field
                        + "\":" + value + "}"));
            }
        }
        for (String text : BAD_TEXTS) {
            probes.put("message " + text.length(), () -> post(andrew,
                    "{\"message\":" + text + ",\"message_group_uuid\":\"" + group + "\"}"));
            probes.put("start with message " + text.length(), () -> post(andrew, "{\"message\":" + text + ",\"handle\":\"bayko\"}"));
        }
        for (String uuid : BAD_UUIDS) {
            probes.put("group " + uuid, () -> post(andrew, "{\"message\":\"x\",\"message_group_uuid\":" + uuid + "}"));
            if (!"\"\"".equals(uuid)) {
                // an empty client message id means none, by design
                probes.put("message_uuid " + uuid, () -> post(andrew,
                        "{\"message\":\"x\",\"handle\":\"bayko\",\"message_uuid\":" + uuid + "}"));
            }
        }
        for (String handle : BAD_HANDLES) {
            probes.put("handle " + handle, () -> post(andrew, "{\"message\":\"x\",\"handle\":" + handle + "}"));
        }
        probes.put("missing everything", () -> post(andrew, "{}"));
        probes.put("missing handle", () -> post(andrew, "{\"message\":\"x\"}"));
        probes.put("missing message", () -> post(andrew, "{\"handle\":\"bayko\"}"));
        probes.put("unknown handle", () -> post(andrew, "{\"message\":\"x\",\"handle\":\"ghost_user\"}"));
        probes.put("oneself", () -> post(andrew, "{\"message\":\"x\",\"handle\":\"@AndrewBrown\"}"));
        probes.put("20 KiB body", () -> oversized(andrew, "{\"message\":\"" + "x".repeat(20_000) + "\"}"));
        probes.put("1 MiB body", () -> oversized(andrew, "{\"message\":\"" + "x".repeat(1 << 20) + "\"}"));
        probes.put("non-member reads", () -> api.get("/api/messages/" + group, londo));
        probes.put("non-member writes", () -> post(londo, "{\"message\":\"x\",\"message_group_uuid\":\"" + group + "\"}"));
        probes.put("unknown group", () -> api.get("/api/messages/" + UUID.randomUUID(), andrew));
        probes.put("path uuid", () -> api.get("/api/messages/not-a-uuid", andrew));
        for (String query : List.of("limit=-1", "limit=0", "limit=101", "limit=abc", "limit=99999999999", "cursor=garbage",
                "cursor=" + "A".repeat(600), "cursor=a.b", "cursor=%00")) {
            probes.put("groups " + query, () -> api.get("/api/message_groups?" + query, andrew));
            probes.put("messages " + query, () -> api.get("/api/messages/" + group + "?" + query, andrew));
        }
        String otherListsCursor = cursorOfAnotherList();
        probes.put("cursor of another list", () -> api.get("/api/message_groups?cursor=" + otherListsCursor, andrew));
        probes.put("short profile of a bad handle", () -> api.get("/api/users/@%3Cscript%3E/short", null));
        probes.put("short profile of nobody", () -> api.get("/api/users/@nobody_here/short", null));
        probes.put("no token", () -> api.get("/api/message_groups", null));
        probes.put("basic auth", () -> withAuthorization("Basic YWxhZGRpbjpvcGVuc2VzYW1l"));
        probes.put("bare bearer", () -> withAuthorization("Bearer"));
        probes.put("garbage token", () -> withAuthorization("Bearer abc.def.ghi"));
        probes.put("forged token", () -> withAuthorization("Bearer " + forged(Instant.now().plusSeconds(3600))));
        probes.put("forged expired token", () -> withAuthorization("Bearer " + forged(Instant.now().minusSeconds(3600))));
        probes.put("dev login of nobody", () -> api.post("/dev/login", null, "{\"handle\":\"nobody_here\"}"));
        probes.put("dev login malformed", () -> api.post("/dev/login", null, "{\"handle\":5}"));

        List<String> wrong = new ArrayList<>();
        probes.forEach((name, probe) -> {
            ApiClient.Reply reply = probe.get();
            List<String> codes = codes(reply.body());
            if (reply.status() < 400 || reply.status() >= 500 || codes.isEmpty() || !DOCUMENTED.containsAll(codes)) {
                wrong.add(name + " -> " + reply.status() + " " + reply.body());
            }
        });

        assertThat(wrong).as("requests not answered 4xx with documented codes").isEmpty();
        assertThat(probes).hasSizeGreaterThan(100);
        assertThat(api.get("/api/message_groups", londo).body()).as("londo started nothing").isEmpty();
        assertThat(api.get("/api/message_groups", andrew).body()).as("andrew's one demo conversation").hasSize(1);
        assertThat(api.get("/api/messages/" + group + "?limit=100", andrew).body()).as("no message was added").hasSize(30);
    }

    private static ApiClient.Reply post(String token, String body) {
        return api.post("/api/messages", token, body);
    }

    /**
     * An oversized body on a connection of its own: the host refuses it from its length and then
     * closes the connection, which a pooled connection would meet as a broken next request.
     */
    private static ApiClient.Reply oversized(String token, String body) {
        return new ApiClient(host.port()).send(HttpRequest.newBuilder(api.uri("/api/messages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static ApiClient.Reply withAuthorization(String header) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + host.port() + "/api/message_groups"))
                .header("Authorization", header).GET());
    }

    private static String cursorOfAnotherList() {
        String link = api.get("/api/messages/" + group + "?limit=1", andrew).header("Link");
        return link.substring(link.indexOf("cursor=") + 7, link.indexOf('>'));
    }

    /** A token shaped like the host's own, signed by a key the host never made. */
    private static String forged(Instant expiry) {
        try {
            var key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(LocalIssuer.ISSUER).subject("local-forged")
                            .claim("token_use", "access").claim("client_id", LocalIssuer.CLIENT_ID)
                            .expirationTime(Date.from(expiry)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static List<String> codes(JsonNode body) {
        if (body == null || !body.isArray()) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        body.forEach(code -> codes.add(code.asText()));
        return codes;
    }
}
