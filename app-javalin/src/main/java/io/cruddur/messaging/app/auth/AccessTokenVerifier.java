package io.cruddur.messaging.app.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.MessagingException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Verifies Cognito access tokens: an RS256 signature by a key of the issuer's key set (fetched
 * once, cached, fetched again when a token names an unknown key), an unexpired {@code exp}, the
 * pool's {@code iss}, {@code token_use = access} and the app client's {@code client_id}. The
 * token's {@code sub} is the Cognito user id. The host's own dev tokens go through this same
 * verifier, pointed at the host's key set.
 *
 * <p>A token that verified is remembered until its {@code exp} (at most {@value #REMEMBERED_TOKENS}
 * of them), so a client's later requests with the same token skip the RSA work; an expired token
 * is never answered from memory.
 */
public final class AccessTokenVerifier {
    private static final String BEARER = "bearer";
    static final long REMEMBERED_TOKENS = 100_000;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(REMEMBERED_TOKENS)
            .expireAfter(Expiry.creating((String token, Verified entry) -> entry.lifeLeft()))
            .build();

    /** A token that verified: whose it is and until when. */
    private record Verified(CognitoUserId subject, Instant expiresAt) {
        Duration lifeLeft() {
            Duration left = Duration.between(Instant.now(), expiresAt);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    public AccessTokenVerifier(JWKSource<SecurityContext> keys, String issuer, String clientId) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).claim("token_use", "access").claim("client_id", clientId).build(),
                Set.of("sub", "exp")));
    }

    /** Against the user pool's published key set. */
    public static AccessTokenVerifier forUserPool(String issuer, String clientId) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(URI.create(issuer + "/.well-known/jwks.json").toURL())
                    .retrying(true)
                    .build();
            return new AccessTokenVerifier(keys, issuer, clientId);
        } catch (MalformedURLException malformed) {
            throw new IllegalArgumentException("not a URL: " + issuer, malformed);
        }
    }

    /**
     * The Cognito user id of a verified {@code Authorization} header's token. The scheme is matched
     * regardless of case and may be followed by several spaces, as RFC 7235 allows.
     */
    public CognitoUserId verifyHeader(String authorization) {
        String header = authorization == null ? "" : authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase(BEARER) || header.substring(space).isBlank()) {
            throw TokenRejected.missing();
        }
        return verify(header.substring(space).strip());
    }

    public CognitoUserId verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null && known.expiresAt().isAfter(Instant.now())) {
            return known.subject();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Verified fresh = new Verified(new CognitoUserId(claims.getSubject()), claims.getExpirationTime().toInstant());
            verified.put(token, fresh);
            return fresh.subject();
        } catch (ParseException | BadJOSEException | JOSEException | MessagingException rejected) {
            throw TokenRejected.invalid(rejected.getClass().getSimpleName());
        }
    }
}
