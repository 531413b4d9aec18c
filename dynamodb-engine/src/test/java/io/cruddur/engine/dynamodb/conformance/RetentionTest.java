package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Stream records are kept 24 hours and iterators 15 minutes; time moves on a clock the test turns. */
class RetentionTest {
    /** A clock that stands still until the test moves it. */
    private static final class TurnedClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-07T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void records_older_than_24_hours_are_trimmed_shards_with_them_and_old_iterators_expire() throws InterruptedException {
        Target.assumeEngine();
        TurnedClock clock = new TurnedClock();
        try (DynamoDbEngine engine = DynamoDbEngine.builder().clock(clock).timeToLiveSweep(Duration.ofMillis(20)).build().start();
                DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                        .endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create())
                        .endpointOverride(engine.endpoint()).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build()) {
            dynamo.createTable(b -> b.tableName("retained").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
            dynamo.putItem(b -> b.tableName("retained").item(Map.of("pk", AttributeValue.fromS("old"))));
            String arn = dynamo.describeTable(b -> b.tableName("retained")).table().latestStreamArn();
            String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            String oldSequence = streams.getRecords(b -> b.shardIterator(iterator)).records().get(0).dynamodb().sequenceNumber();

            clock.advance(Duration.ofMinutes(16));
            assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(iterator))).isInstanceOf(ExpiredIteratorException.class);

            clock.advance(Duration.ofHours(24));
            TimeUnit.MILLISECONDS.sleep(200);
            assertThatThrownBy(() -> streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER).sequenceNumber(oldSequence)))
                    .isInstanceOf(TrimmedDataAccessException.class);
            String horizon = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            assertThat(streams.getRecords(b -> b.shardIterator(horizon)).records()).isEmpty();

            dynamo.putItem(b -> b.tableName("retained").item(Map.of("pk", AttributeValue.fromS("new"))));
            TimeUnit.MILLISECONDS.sleep(200);
            var shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
            assertThat(shards).as("the old shard, closed and past retention, is gone").singleElement()
                    .satisfies(child -> assertThat(child.parentShardId()).isEqualTo(shard));
            String fresh = streams.getShardIterator(b -> b.streamArn(arn).shardId(shards.get(0).shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            assertThat(streams.getRecords(b -> b.shardIterator(fresh)).records())
                    .extracting(record -> record.dynamodb().keys().get("pk").s()).containsExactly("new");
        }
    }
}
