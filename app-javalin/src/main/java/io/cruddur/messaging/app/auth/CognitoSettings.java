package io.cruddur.messaging.app.auth;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Cognito user pool and app client whose access tokens the host accepts. The region is
 * {@code AWS_REGION}, or else the prefix of the pool id ({@code us-east-1_AbC123}).
 */
public record CognitoSettings(String userPoolId, String clientId, String region) {
    private static final Pattern POOL_ID = Pattern.compile("([a-z]{2}(?:-[a-z]+)+-\\d)_[A-Za-z0-9]+");

    public CognitoSettings {
        if (userPoolId == null || !POOL_ID.matcher(userPoolId).matches()) {
            throw new IllegalArgumentException("AWS_COGNITO_USER_POOL_ID must look like us-east-1_AbC123, was '"
                    + userPoolId + "'");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("AWS_COGNITO_USER_POOL_CLIENT_ID is not set");
        }
    }

    public static CognitoSettings fromEnvironment(Map<String, String> environment) {
        String pool = environment.get("AWS_COGNITO_USER_POOL_ID");
        String client = environment.get("AWS_COGNITO_USER_POOL_CLIENT_ID");
        if (pool == null || pool.isBlank()) {
            throw new IllegalArgumentException("AWS_COGNITO_USER_POOL_ID is not set");
        }
        var matcher = POOL_ID.matcher(pool.strip());
        String region = Optional.ofNullable(environment.get("AWS_REGION")).filter(r -> !r.isBlank())
                .orElseGet(() -> matcher.matches() ? matcher.group(1) : "");
        return new CognitoSettings(pool.strip(), client == null ? null : client.strip(), region);
    }

    /** The {@code iss} of the pool's tokens; its key set is at {@code {issuer}/.well-known/jwks.json}. */
    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }
}
