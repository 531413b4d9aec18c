package io.cruddur.messaging.app.auth;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cognito user pool and app client whose access tokens the host accepts, and the tokens'
 * issuer: {@code AWS_COGNITO_ISSUER} when set (a stand-in such as cognito-local), else
 * {@code https://cognito-idp.{region}.amazonaws.com/{pool}} with the region the pool id starts
 * with ({@code eu-west-1_AbC123}). The issuer's key set is at {@code {issuer}/.well-known/jwks.json}.
 */
public record CognitoSettings(String userPoolId, String clientId, URI issuer) {
    /** As AWS documents pool ids: the region, an underscore, letters and digits. */
    private static final Pattern POOL_ID = Pattern.compile("([\\w-]+)_[0-9a-zA-Z]+");

    public CognitoSettings {
        if (userPoolId == null || !POOL_ID.matcher(userPoolId).matches()) {
            throw new IllegalArgumentException("AWS_COGNITO_USER_POOL_ID must look like us-east-1_AbC123, was '"
                    + userPoolId + "'");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("AWS_COGNITO_USER_POOL_CLIENT_ID is not set");
        }
        if (issuer == null || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))
                || issuer.getHost() == null || issuer.getPath().endsWith("/")) {
            throw new IllegalArgumentException("AWS_COGNITO_ISSUER must be an http(s) URL without a trailing slash, was '"
                    + issuer + "'");
        }
    }

    public static CognitoSettings fromEnvironment(Map<String, String> environment) {
        String pool = value(environment, "AWS_COGNITO_USER_POOL_ID")
                .orElseThrow(() -> new IllegalArgumentException("AWS_COGNITO_USER_POOL_ID is not set"));
        String client = value(environment, "AWS_COGNITO_USER_POOL_CLIENT_ID").orElse(null);
        URI issuer = value(environment, "AWS_COGNITO_ISSUER").map(CognitoSettings::uri)
                .orElseGet(() -> URI.create("https://cognito-idp." + region(pool) + ".amazonaws.com/" + pool));
        return new CognitoSettings(pool, client, issuer);
    }

    /** The region the pool id names (its part before the underscore). */
    public String region() {
        return region(userPoolId);
    }

    private static String region(String pool) {
        Matcher matcher = POOL_ID.matcher(pool);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("AWS_COGNITO_USER_POOL_ID must look like us-east-1_AbC123, was '"
                    + pool + "'");
        }
        return matcher.group(1);
    }

    private static URI uri(String raw) {
        try {
            return URI.create(raw);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("AWS_COGNITO_ISSUER is not a URL: '" + raw + "'", malformed);
        }
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
