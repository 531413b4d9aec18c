package io.cruddur.messaging.adapters.dynamodb;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the message table is and how patiently to talk to it. {@link #fromEnvironment} reads the
 * reference's variables: {@code AWS_ENDPOINT_URL} (unset means real AWS), {@code DDB_MESSAGE_TABLE}
 * (default {@value MessageTable#DEFAULT_NAME}) and {@code AWS_REGION}/{@code AWS_DEFAULT_REGION}.
 *
 * @param endpoint              the endpoint to call, such as {@code http://localhost:8000} for
 *                              a local engine; empty for AWS itself. With an endpoint, credentials
 *                              come from the SDK's default chain when it has any, else dummy ones
 * @param region                the region; empty for the SDK's default chain, or {@code us-east-1}
 *                              with an endpoint
 * @param tableName             the message table: 3 to 255 of {@code A-Z a-z 0-9 _ . -}
 * @param apiCallTimeout        how long one call may take, every attempt included
 * @param apiCallAttemptTimeout how long one attempt may take; at most {@code apiCallTimeout}
 * @param maxAttempts           how many attempts a call gets, the first included; at least 1
 */
public record DynamoDbSettings(
        Optional<URI> endpoint,
        Optional<String> region,
        String tableName,
        Duration apiCallTimeout,
        Duration apiCallAttemptTimeout,
        int maxAttempts) {
    /** The message table when {@code DDB_MESSAGE_TABLE} is unset: {@value}. */
    public static final String DEFAULT_TABLE = MessageTable.DEFAULT_NAME;
    /** The region a local endpoint is addressed in when none is configured; a local engine ignores it. */
    static final String LOCAL_REGION = "us-east-1";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    /**
     * Checks the settings.
     *
     * @param endpoint              the endpoint; empty for AWS itself
     * @param region                the region; empty for the SDK's default chain
     * @param tableName             the message table
     * @param apiCallTimeout        the time one call may take
     * @param apiCallAttemptTimeout the time one attempt may take
     * @param maxAttempts           the attempts a call gets
     * @throws IllegalArgumentException when the table name is not one DynamoDB accepts, the attempt
     *                                  timeout exceeds the call timeout, or no attempt is allowed
     */
    public DynamoDbSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("DDB_MESSAGE_TABLE must be 3-255 characters of A-Z a-z 0-9 _ . -, was '"
                    + tableName + "'");
        }
        if (apiCallAttemptTimeout.compareTo(apiCallTimeout) > 0) {
            throw new IllegalArgumentException("the attempt timeout must not exceed the call timeout");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt is needed");
        }
    }

    /**
     * {@return settings with the default patience: 5 s per call, 2 s per attempt, 3 attempts}
     *
     * @param endpoint  the endpoint; empty for AWS itself
     * @param region    the region; empty for the SDK's default chain
     * @param tableName the message table
     */
    public static DynamoDbSettings of(Optional<URI> endpoint, Optional<String> region, String tableName) {
        return new DynamoDbSettings(endpoint, region, tableName, Duration.ofSeconds(5), Duration.ofSeconds(2), 3);
    }

    /**
     * {@return settings for a local (or other) endpoint, addressed in {@code us-east-1},
     * with the default patience}
     *
     * @param endpoint  the endpoint, such as {@code http://localhost:8000}
     * @param tableName the message table
     */
    public static DynamoDbSettings local(URI endpoint, String tableName) {
        return of(Optional.of(endpoint), Optional.empty(), tableName);
    }

    /**
     * {@return the settings the reference's variables give, with the default patience} Blank values
     * count as unset.
     *
     * @param environment the variables, typically {@code System.getenv()}
     * @throws IllegalArgumentException when {@code AWS_ENDPOINT_URL} is not an http(s) URL with a
     *                                  host, or {@code DDB_MESSAGE_TABLE} is not a valid table name
     */
    public static DynamoDbSettings fromEnvironment(Map<String, String> environment) {
        Optional<URI> endpoint = nonBlank(environment.get("AWS_ENDPOINT_URL")).map(DynamoDbSettings::endpointUri);
        Optional<String> region = nonBlank(environment.get("AWS_REGION")).or(() -> nonBlank(environment.get("AWS_DEFAULT_REGION")));
        String table = nonBlank(environment.get("DDB_MESSAGE_TABLE")).orElse(DEFAULT_TABLE);
        return of(endpoint, region, table);
    }

    private static URI endpointUri(String raw) {
        try {
            URI uri = new URI(raw);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("AWS_ENDPOINT_URL must be an http(s) URL such as http://localhost:8000, was '"
                        + raw + "'");
            }
            return uri;
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("AWS_ENDPOINT_URL is not a URL: '" + raw + "'", malformed);
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(stripped -> !stripped.isEmpty());
    }
}
