package io.cruddur.messaging.adapters.dynamodb;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Builds the SDK clients: an explicit HTTP client (the classpath may hold several, and the SDK
 * then refuses to pick), call and attempt timeouts, and a bounded number of attempts. Build one
 * of each per process and share it.
 */
public final class DynamoDbClients {
    private static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("local", "local");

    private DynamoDbClients() {
    }

    /**
     * {@return a DynamoDB client on the Apache 5 HTTP client, configured as
     * {@link #configureForTable} says}
     *
     * @param settings     the endpoint, region, timeouts and attempts
     * @param interceptors called on every request, to count or trace them
     */
    public static DynamoDbClient dynamo(DynamoDbSettings settings, ExecutionInterceptor... interceptors) {
        return configure(DynamoDbClient.builder(), settings, interceptors).build();
    }

    /**
     * {@return a DynamoDB Streams client, for reading the table's stream, on the Apache 5 HTTP
     * client and configured as {@link #configureForTable} says}
     *
     * @param settings     the endpoint, region, timeouts and attempts
     * @param interceptors called on every request, to count or trace them
     */
    public static DynamoDbStreamsClient streams(DynamoDbSettings settings, ExecutionInterceptor... interceptors) {
        return configure(DynamoDbStreamsClient.builder(), settings, interceptors).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, DynamoDbSettings settings, ExecutionInterceptor... interceptors) {
        builder.httpClientBuilder(Apache5HttpClient.builder());
        return configureForTable(builder, settings, interceptors);
    }

    /**
     * Gives any client of the table's account (async ones too, which bring their own HTTP client)
     * the settings' endpoint, region, credentials, timeouts and attempts. It replaces any override
     * configuration set on the builder before. With an endpoint, credentials come from the SDK's
     * default chain when it has any, else dummy ones (a local engine accepts any), and the region
     * is the settings' or {@code us-east-1}; without one, the SDK's default chain applies to
     * whatever the settings leave empty.
     *
     * @param <B>          the builder's type
     * @param builder      the client's builder, to which the settings are applied
     * @param settings     the endpoint, region, timeouts and attempts
     * @param interceptors called on every request, to count or trace them
     * @return {@code builder}, for building the client
     */
    public static <B extends AwsClientBuilder<B, ?>> B configureForTable(
            B builder, DynamoDbSettings settings, ExecutionInterceptor... interceptors) {
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(settings.apiCallTimeout())
                        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .build())
                        .executionInterceptors(List.of(interceptors))
                        .build());
        settings.endpoint().ifPresent(endpoint -> builder
                .endpointOverride(endpoint)
                .credentialsProvider(localCredentials())
                .region(Region.of(settings.region().orElse(DynamoDbSettings.LOCAL_REGION))));
        if (settings.endpoint().isEmpty()) {
            settings.region().map(Region::of).ifPresent(builder::region);
        }
        return builder;
    }

    /** Real credentials when the environment has them; a local engine accepts any. */
    private static AwsCredentialsProvider localCredentials() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(LOCAL_CREDENTIALS))
                .build();
    }
}
