package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.app.auth.CognitoSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * What the operator commands take from the environment, as the reference's scripts do: where the
 * table and the user database are (the components in {@code app.wiring} build their clients), and
 * the Cognito client.
 */
final class OperatorEnvironment {
    /** Where the Cognito client is sent instead of AWS, as the SDK's service-specific variable names it. */
    static final String COGNITO_ENDPOINT = "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER";

    private OperatorEnvironment() {
    }

    /** The message table's settings; {@code --prod} means real AWS whatever {@code AWS_ENDPOINT_URL} says. */
    static DynamoDbSettings dynamo(Map<String, String> environment, boolean prod) {
        Map<String, String> effective = new HashMap<>(environment);
        if (prod) {
            effective.remove("AWS_ENDPOINT_URL");
        }
        return DynamoDbSettings.fromEnvironment(effective);
    }

    /** The user database's settings, from {@code CONNECTION_URL}. */
    static PostgresSettings userDatabase(Map<String, String> environment) {
        return PostgresSettings.fromEnvironment(environment);
    }

    static CognitoIdentityProviderClient cognito(Map<String, String> environment, CognitoSettings pool) {
        var builder = CognitoIdentityProviderClient.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(pool.region()));
        Optional.ofNullable(environment.get(COGNITO_ENDPOINT)).filter(url -> !url.isBlank())
                .ifPresent(url -> builder.endpointOverride(URI.create(url.strip()))
                        .credentialsProvider(AwsCredentialsProviderChain.builder()
                                .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                                .build()));
        return builder.build();
    }
}
