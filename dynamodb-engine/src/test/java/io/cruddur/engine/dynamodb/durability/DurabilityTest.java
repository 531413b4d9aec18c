package io.cruddur.engine.dynamodb.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** An engine on a data directory keeps its tables, items, indexes and streams across restarts and kill -9. */
class DurabilityTest {
    @TempDir
    Path data;

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build();
    }

    private static DynamoDbStreamsClient streams(URI endpoint) {
        return DynamoDbStreamsClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build();
    }

    private static void createTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("kept").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static List<String> streamKeys(DynamoDbClient dynamo, DynamoDbStreamsClient streams) {
        String arn = dynamo.describeTable(b -> b.tableName("kept")).table().latestStreamArn();
        List<String> keys = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            List<Record> records = streams.getRecords(b -> b.shardIterator(iterator)).records();
            records.forEach(record -> keys.add(record.eventName() + " " + record.dynamodb().keys().get("pk").s()
                    + " " + record.dynamodb().sequenceNumber()));
        }
        return keys;
    }

    @Test
    void a_restarted_engine_has_its_tables_items_indexes_and_stream_records() {
        List<String> before;
        DynamoDbEngine first = DynamoDbEngine.builder().dataDirectory(data).build().start();
        try (DynamoDbClient dynamo = client(first.endpoint()); DynamoDbStreamsClient streams = streams(first.endpoint())) {
            createTable(dynamo);
            dynamo.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("a"), "g", AttributeValue.fromS("x"))));
            dynamo.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("b"), "g", AttributeValue.fromS("x"))));
            first.rollOverShards("kept");
            dynamo.updateItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("a")))
                    .updateExpression("SET v = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN("1"))));
            dynamo.deleteItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("b"))));
            dynamo.updateTimeToLive(b -> b.tableName("kept").timeToLiveSpecification(s -> s.attributeName("exp").enabled(true)));
            before = streamKeys(dynamo, streams);
        } finally {
            first.close();
        }
        DynamoDbEngine second = DynamoDbEngine.builder().dataDirectory(data).build().start();
        try (DynamoDbClient dynamo = client(second.endpoint()); DynamoDbStreamsClient streams = streams(second.endpoint())) {
            assertThat(dynamo.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("a")))).item().get("v").n())
                    .isEqualTo("1");
            assertThat(dynamo.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("b")))).hasItem()).isFalse();
            assertThat(dynamo.query(b -> b.tableName("kept").indexName("by-g").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x")))).count()).isEqualTo(1);
            assertThat(dynamo.describeTimeToLive(b -> b.tableName("kept")).timeToLiveDescription().attributeName()).isEqualTo("exp");
            assertThat(streamKeys(dynamo, streams)).isEqualTo(before).hasSize(4);
            dynamo.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("c"))));
            List<String> after = streamKeys(dynamo, streams);
            assertThat(after).hasSize(5);
            assertThat(new java.math.BigInteger(after.get(4).split(" ")[2]))
                    .isGreaterThan(new java.math.BigInteger(before.get(3).split(" ")[2]));
        } finally {
            second.close();
        }
    }

    @Test
    void every_acknowledged_write_survives_kill_9_of_the_process() throws Exception {
        Process engine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.cruddur.engine.dynamodb.Main",
                "--port", "0", "--data-dir", data.toString()).redirectErrorStream(true).start();
        int acknowledged = 0;
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            assertThat(line).startsWith("DynamoDB engine listening on ");
            URI endpoint = URI.create(line.substring("DynamoDB engine listening on ".length()));
            try (DynamoDbClient dynamo = client(endpoint)) {
                createTable(dynamo);
                for (int i = 0; i < 300; i++) {
                    int n = i;
                    dynamo.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("item-" + n),
                            "g", AttributeValue.fromS("x"))));
                    acknowledged++;
                }
            }
        } finally {
            engine.destroyForcibly();
            assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        DynamoDbEngine restarted = DynamoDbEngine.builder().dataDirectory(data).build().start();
        try (DynamoDbClient dynamo = client(restarted.endpoint())) {
            assertThat(dynamo.scan(b -> b.tableName("kept").select("COUNT")).count()).isEqualTo(acknowledged);
            assertThat(dynamo.query(b -> b.tableName("kept").indexName("by-g").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("x"))).select("COUNT")).count())
                    .isEqualTo(acknowledged);
        } finally {
            restarted.close();
        }
    }

    @Test
    void an_item_with_a_64_kilobyte_attribute_name_comes_back_after_a_restart() {
        String name = "n".repeat(65_535);
        DynamoDbEngine first = DynamoDbEngine.builder().dataDirectory(data).build().start();
        try (DynamoDbClient dynamo = client(first.endpoint())) {
            createTable(dynamo);
            dynamo.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("long"), name, AttributeValue.fromS("x"))));
        } finally {
            first.close();
        }
        DynamoDbEngine second = DynamoDbEngine.builder().dataDirectory(data).build().start();
        try (DynamoDbClient dynamo = client(second.endpoint())) {
            assertThat(dynamo.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("long")))).item())
                    .containsKey(name);
        } finally {
            second.close();
        }
    }

    @Test
    void a_change_cut_short_at_the_end_of_the_log_is_ignored() throws IOException {
        DynamoDbEngine first = DynamoDbEngine.builder().dataDirectory(data).build().start();
        try (DynamoDbClient dynamo = client(first.endpoint())) {
            createTable(dynamo);
        }
        first.close();
        DynamoDbEngine second = DynamoDbEngine.builder().dataDirectory(data).build().start();
        try (DynamoDbClient dynamo = client(second.endpoint())) {
            dynamo.putItem(b -> b.tableName("kept").item(Map.of("pk", AttributeValue.fromS("whole"))));
        }
        second.close();
        java.nio.file.Files.writeString(data.resolve("changes.jsonl"), "{\"t\":\"items\",\"w\":[{\"tab",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        DynamoDbEngine third = DynamoDbEngine.builder().dataDirectory(data).build();
        third.start();
        try (DynamoDbClient dynamo = client(third.endpoint())) {
            assertThat(dynamo.scan(b -> b.tableName("kept")).count()).isEqualTo(1);
        } finally {
            third.close();
        }
    }
}
