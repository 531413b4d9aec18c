package io.cruddur.messaging.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.cruddur.messaging.core.domain.CognitoUserId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cognito-style access tokens against a key set served over HTTP by a local stand-in for the
 * pool's {@code /.well-known/jwks.json}.
 */
class AccessTokenVerifierTest {
    private static final String CLIENT_ID = "5e9b1n1jvq2example";
    private final RSAKey poolKey = rsaKey("pool-key");
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private final HttpServer pool = servePublicKey(poolKey);
    private final String issuer = "http://127.0.0.1:" + pool.getAddress().getPort() + "/us-east-1_Example";
    private final AccessTokenVerifier verifier = AccessTokenVerifier.forUserPool(issuer, CLIENT_ID);

    @AfterEach
    void stopPool() {
        pool.stop(0);
    }

    @Test
    void a_valid_access_token_gives_its_subject() {
        assertThat(verifier.verifyHeader("Bearer " + token(poolKey, claims -> { })))
                .isEqualTo(new CognitoUserId("c0ffee00-0000-4000-8000-000000000001"));
    }

    @Test
    void the_key_set_is_fetched_once_and_cached() {
        for (int i = 0; i < 5; i++) {
            verifier.verify(token(poolKey, claims -> { }));
        }

        assertThat(keySetFetches.get()).isEqualTo(1);
    }

    @Test
    void an_expired_token_is_refused() {
        assertInvalid(token(poolKey, claims -> claims
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(3))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(2))))));
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        assertInvalid(token(poolKey, claims -> claims.issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other")));
    }

    @Test
    void an_id_token_is_refused_where_an_access_token_is_required() {
        assertInvalid(token(poolKey, claims -> claims.claim("token_use", "id").audience(CLIENT_ID)));
    }

    @Test
    void a_token_for_another_app_client_is_refused() {
        assertInvalid(token(poolKey, claims -> claims.claim("client_id", "another-client")));
    }

    @Test
    void a_token_signed_by_another_key_with_the_same_key_id_is_refused() {
        assertInvalid(token(rsaKey("pool-key"), claims -> { }));
    }

    @Test
    void a_token_naming_an_unknown_key_is_refused_after_the_key_set_is_fetched_again() {
        assertInvalid(token(rsaKey("rotated-key"), claims -> { }));
        assertThat(keySetFetches.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_header_without_bearer_is_refused_as_missing() {
        String token = token(poolKey, claims -> { });

        assertThatThrownBy(() -> verifier.verifyHeader(token)).isInstanceOfSatisfying(TokenRejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo("token_missing"));
        assertThatThrownBy(() -> verifier.verifyHeader(null)).isInstanceOf(TokenRejected.class);
        assertThatThrownBy(() -> verifier.verifyHeader("Bearer ")).isInstanceOf(TokenRejected.class);
        assertThatThrownBy(() -> verifier.verifyHeader("Basic " + token)).isInstanceOfSatisfying(TokenRejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo("token_missing"));
        assertInvalid("not.a.token");
    }

    @Test
    void the_scheme_is_matched_regardless_of_case_and_spacing_as_rfc_7235_says() {
        String token = token(poolKey, claims -> { });

        assertThat(verifier.verifyHeader("bearer " + token)).isEqualTo(new CognitoUserId("c0ffee00-0000-4000-8000-000000000001"));
        assertThat(verifier.verifyHeader("BEARER   " + token)).isEqualTo(new CognitoUserId("c0ffee00-0000-4000-8000-000000000001"));
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> verifier.verifyHeader("Bearer " + token)).isInstanceOfSatisfying(TokenRejected.class,
                rejected -> assertThat(rejected.code()).isEqualTo("token_invalid"));
    }

    private String token(RSAKey signingKey, Consumer<JWTClaimsSet.Builder> adjust) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("c0ffee00-0000-4000-8000-000000000001")
                .claim("token_use", "access")
                .claim("client_id", CLIENT_ID)
                .claim("scope", "aws.cognito.signin.user.admin")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        adjust.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
        return jwt.serialize();
    }

    private HttpServer servePublicKey(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keySet = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/.well-known/jwks.json")) {
                    keySetFetches.incrementAndGet();
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, keySet.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(keySet);
                    }
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
