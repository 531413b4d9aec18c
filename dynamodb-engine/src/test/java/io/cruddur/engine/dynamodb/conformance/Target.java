package io.cruddur.engine.dynamodb.conformance;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * What the conformance tests run against: the engine, one per test JVM, or real AWS DynamoDB when
 * {@code DYNAMODB_CONFORMANCE_TARGET=aws} (credentials and region from the usual AWS chain), so that
 * the tests themselves can be checked against the original. Tests that need the engine's own
 * switches call {@link #assumeEngine()}.
 */
final class Target {
    private static final boolean AWS = "aws".equals(System.getenv("DYNAMODB_CONFORMANCE_TARGET"));
    private static final DynamoDbEngine ENGINE = AWS ? null : DynamoDbEngine.builder().build().start();
    private static final DynamoDbClient DYNAMO = dynamoClient();
    private static final DynamoDbStreamsClient STREAMS = streamsClient();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        if (AWS) {
            // tables on AWS cost money: every table the tests made goes when they end
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(table -> {
                try {
                    DYNAMO.deleteTable(request -> request.tableName(table));
                } catch (ResourceNotFoundException alreadyGone) {
                    // a test deleted it itself
                }
            })));
        }
    }

    private Target() {
    }

    static DynamoDbClient dynamo() {
        return DYNAMO;
    }

    static DynamoDbStreamsClient streams() {
        return STREAMS;
    }

    /** The engine; skips the calling test against AWS. */
    static DynamoDbEngine engine() {
        assumeEngine();
        return ENGINE;
    }

    static void assumeEngine() {
        Assumptions.assumeFalse(AWS, "uses the engine's own switches");
    }

    static boolean isAws() {
        return AWS;
    }

    /** A name no other test uses. */
    static String tableName() {
        return "conformance-" + UUID.randomUUID();
    }

    /** Creates an on-demand table keyed by {@code pk} (S) and, when given, {@code sk} of that type; waits until it is active. */
    static String table(ScalarAttributeType sortType) {
        String name = tableName();
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST);
        if (sortType == null) {
            request.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(definition("pk", ScalarAttributeType.S));
        } else {
            request.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .attributeDefinitions(List.of(definition("pk", ScalarAttributeType.S), definition("sk", sortType)));
        }
        return create(request.build());
    }

    /** Creates a table and waits until it is active. */
    static String create(CreateTableRequest request) {
        DYNAMO.createTable(request);
        CREATED.add(request.tableName());
        DYNAMO.waiter().waitUntilTableExists(builder -> builder.tableName(request.tableName()));
        return request.tableName();
    }

    static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static DynamoDbClient dynamoClient() {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(30)));
        if (AWS) {
            return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
        }
        return builder.endpointOverride(ENGINE.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    private static DynamoDbStreamsClient streamsClient() {
        var builder = DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (AWS) {
            return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
        }
        return builder.endpointOverride(ENGINE.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }
}
