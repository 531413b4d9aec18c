package io.cruddur.messaging.app.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cruddur.messaging.core.domain.CognitoUserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The host as its own token issuer (embedded and memory modes): a key pair made at start,
 * access tokens shaped like Cognito's ({@code token_use}, {@code client_id}, no {@code aud}),
 * and the public key set, served so other tools can verify them too.
 */
public final class LocalIssuer {
    public static final String ISSUER = "urn:cruddur:local-issuer";
    public static final String CLIENT_ID = "cruddur-local";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final RSAKey key;
    private final Clock clock;

    public LocalIssuer(Clock clock) {
        this.clock = clock;
        try {
            // Named as Cognito names its keys: strict verifiers (python-jose) pick a key by alg and use.
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException noRsa) {
            throw new IllegalStateException("cannot generate an RSA key", noRsa);
        }
    }

    public String issue(CognitoUserId subject) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject.value())
                .claim("token_use", "access")
                .claim("client_id", CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException cannotSign) {
            throw new IllegalStateException("cannot sign a token", cannotSign);
        }
        return token.serialize();
    }

    /** The public half only, as a JWKS document. */
    public Map<String, Object> publicKeySet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    public AccessTokenVerifier verifier() {
        return new AccessTokenVerifier(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), ISSUER, CLIENT_ID);
    }
}
