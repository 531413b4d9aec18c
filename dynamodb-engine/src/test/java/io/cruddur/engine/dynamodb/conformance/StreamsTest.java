package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams: shards, iterators, records and their images. */
class StreamsTest {
    private final DynamoDbClient dynamo = Target.dynamo();
    private final DynamoDbStreamsClient streams = Target.streams();

    private String tableWithStream(StreamViewType viewType) {
        String name = Target.tableName();
        Target.create(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)).build());
        return name;
    }

    private String streamArn(String table) {
        return dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private List<Record> readAll(String arn) {
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (int reads = 0; iterator != null && reads < 20; reads++) {
                String current = iterator;
                var page = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(page.records());
                if (page.records().isEmpty() && shard.sequenceNumberRange().endingSequenceNumber() == null) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
        return records;
    }

    @Test
    void each_change_appears_once_with_the_images_of_its_view_type() {
        String table = tableWithStream(StreamViewType.NEW_AND_OLD_IMAGES);
        Instant before = Instant.now().minusSeconds(1);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromN("2"))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromN("2"))));
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("a"))));
        List<Record> records = readAll(streamArn(table));
        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(1).dynamodb().oldImage().get("v").n()).isEqualTo("1");
        assertThat(records.get(1).dynamodb().newImage().get("v").n()).isEqualTo("2");
        assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
        assertThat(records).allSatisfy(record -> {
            assertThat(record.dynamodb().keys()).containsOnlyKeys("pk");
            assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
            assertThat(record.dynamodb().approximateCreationDateTime()).isBetween(before, Instant.now().plusSeconds(1));
        });
        List<BigInteger> sequence = records.stream().map(record -> new BigInteger(record.dynamodb().sequenceNumber())).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_keys_only_stream_carries_no_images() {
        String table = tableWithStream(StreamViewType.KEYS_ONLY);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("k"), "v", AttributeValue.fromS("x"))));
        Record record = readAll(streamArn(table)).get(0);
        assertThat(record.dynamodb().hasNewImage()).isFalse();
        assertThat(record.dynamodb().hasOldImage()).isFalse();
        assertThat(record.dynamodb().keys()).containsOnlyKeys("pk");
    }

    @Test
    void latest_skips_what_came_before_and_after_sequence_number_resumes_past_it() {
        String table = tableWithStream(StreamViewType.NEW_IMAGE);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("early"))));
        String arn = streamArn(table);
        String shardId = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String latest = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.LATEST)).shardIterator();
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("late-1"))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("late-2"))));
        List<Record> late = streams.getRecords(b -> b.shardIterator(latest)).records();
        assertThat(late).extracting(record -> record.dynamodb().keys().get("pk").s()).containsExactly("late-1", "late-2");
        String after = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber(late.get(0).dynamodb().sequenceNumber())).shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(after)).records())
                .extracting(record -> record.dynamodb().keys().get("pk").s()).containsExactly("late-2");
        String at = streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                .sequenceNumber(late.get(0).dynamodb().sequenceNumber())).shardIterator();
        assertThat(streams.getRecords(b -> b.shardIterator(at)).records()).hasSize(2);
    }

    @Test
    void a_rolled_over_shard_closes_and_names_its_parent() {
        String table = tableWithStream(StreamViewType.NEW_IMAGE);
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("before"))));
        Target.engine().rollOverShards();
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("after"))));
        String arn = streamArn(table);
        List<Shard> shards = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
        assertThat(shards).hasSize(2);
        assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
        assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
        assertThat(shards.get(1).sequenceNumberRange().endingSequenceNumber()).isNull();
        String closed = streams.getShardIterator(b -> b.streamArn(arn).shardId(shards.get(0).shardId())
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        var page = streams.getRecords(b -> b.shardIterator(closed));
        assertThat(page.records()).extracting(record -> record.dynamodb().keys().get("pk").s()).containsExactly("before");
        assertThat(page.nextShardIterator()).isNull();
        assertThat(readAll(arn)).extracting(record -> record.dynamodb().keys().get("pk").s()).containsExactly("before", "after");
    }

    @Test
    void list_streams_names_the_tables_stream() {
        String table = tableWithStream(StreamViewType.NEW_IMAGE);
        String arn = streamArn(table);
        assertThat(streams.listStreams(b -> b.tableName(table)).streams()).singleElement()
                .satisfies(stream -> assertThat(stream.streamArn()).isEqualTo(arn));
    }

    @Test
    void an_unknown_stream_is_not_found_and_a_garbled_iterator_is_refused() {
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(
                "arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2026-01-01T00:00:00.000")))
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator("not-an-iterator")))
                .hasMessageContaining("Invalid ShardIterator");
    }

    @Test
    void expired_items_are_removed_by_the_service_and_say_so_in_the_stream() {
        String table = tableWithStream(StreamViewType.NEW_AND_OLD_IMAGES);
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
        long past = Instant.now().getEpochSecond() - 60;
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("gone"),
                "expires", AttributeValue.fromN(Long.toString(past)))));
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("kept"),
                "expires", AttributeValue.fromN(Long.toString(past + 3600)))));
        Target.engine().removeExpiredItems();
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("gone")))).hasItem()).isFalse();
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("kept")))).hasItem()).isTrue();
        Record removal = readAll(streamArn(table)).get(2);
        assertThat(removal.eventName()).isEqualTo(OperationType.REMOVE);
        assertThat(removal.userIdentity().type()).isEqualTo("Service");
        assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    }
}
