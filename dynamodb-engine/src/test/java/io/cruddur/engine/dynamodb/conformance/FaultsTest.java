package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The switches that show on purpose what real DynamoDB does and DynamoDB Local never does. */
class FaultsTest {
    private final DynamoDbEngine engine = Target.engine();
    private final DynamoDbClient dynamo = Target.dynamo();

    @AfterEach
    void switchesOff() {
        engine.faults().reset();
    }

    @Test
    void a_global_index_read_lags_the_table_by_the_set_delay() throws InterruptedException {
        String table = Target.tableName();
        Target.create(CreateTableRequest.builder().tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S), Target.definition("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build());
        engine.faults().indexLag(Duration.ofMillis(300));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "g", AttributeValue.fromS("x"))));
        assertThat(countInIndex(table)).isZero();
        Thread.sleep(400);
        assertThat(countInIndex(table)).isEqualTo(1);
    }

    private int countInIndex(String table) {
        return dynamo.query(b -> b.tableName(table).indexName("by-g").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x")))).count();
    }

    private DynamoDbClient client(int attempts) {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .overrideConfiguration(config -> config.retryStrategy(strategy -> strategy.maxAttempts(attempts))).build();
    }

    @Test
    void throttling_at_a_set_rate_reaches_the_client_as_throttling_which_it_retries() {
        String table = Target.table(null);
        engine.faults().throttlingRate(1.0);
        try (DynamoDbClient noRetries = client(1)) {
            assertThatThrownBy(() -> noRetries.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("a")))))
                    .isInstanceOfSatisfying(ThrottlingException.class, throttled -> assertThat(throttled.isThrottlingException()).isTrue());
        }
        engine.faults().throttlingRate(0.3);
        try (DynamoDbClient retrying = client(12)) {
            for (int i = 0; i < 20; i++) {
                retrying.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("a"))));
            }
        }
    }

    @Test
    void transactions_conflict_at_a_forced_rate_and_apply_nothing() {
        String table = Target.table(null);
        engine.faults().transactionConflictRate(1.0);
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("x")))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled ->
                        assertThat(cancelled.cancellationReasons().get(0).code()).isEqualTo("TransactionConflict"));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("x")))).hasItem()).isFalse();
    }

    @Test
    void stream_records_arrive_after_the_set_delay() throws InterruptedException {
        String table = Target.tableName();
        Target.create(CreateTableRequest.builder().tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)).build());
        String arn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        var streams = Target.streams();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        engine.faults().streamDelay(Duration.ofMillis(300));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("late"))));
        var early = streams.getRecords(b -> b.shardIterator(iterator));
        assertThat(early.records()).isEmpty();
        Thread.sleep(400);
        assertThat(streams.getRecords(b -> b.shardIterator(early.nextShardIterator())).records()).hasSize(1);
    }
}
