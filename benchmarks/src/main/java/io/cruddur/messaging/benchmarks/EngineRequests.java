package io.cruddur.messaging.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The data and the five requests that the engine's benchmarks measure, the same whichever client
 * sends them: a table with a stream holding a 10⁴-item partition of messages, and the request
 * bodies of pattern A's Query (newest 20), a GetItem, a PutItem, a TransactWriteItems of 3 puts
 * and a GetRecords of 100 records. As a program, it loads any DynamoDB endpoint and writes the
 * bodies for {@code scripts/engine/run.sh}, {@code {{n}}} standing where each request puts a
 * random number of its own.
 */
public record EngineRequests(String shardIterator) {
    public static final String TABLE = "bench";
    public static final String QUERY = "DynamoDB_20120810.Query";
    public static final String GET_ITEM = "DynamoDB_20120810.GetItem";
    public static final String PUT_ITEM = "DynamoDB_20120810.PutItem";
    public static final String TRANSACT_WRITE_ITEMS = "DynamoDB_20120810.TransactWriteItems";
    public static final String GET_RECORDS = "DynamoDBStreams_20120810.GetRecords";
    /** The message that GetItem reads. */
    public static final int ITEM_READ = 4242;
    private static final int PARTITION_ITEMS = 10_000;

    /** Creates the table on {@code dynamo}, writes the partition and opens an iterator on its stream. */
    public static EngineRequests load(DynamoDbClient dynamo, DynamoDbStreamsClient streams) {
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        for (int start = 0; start < PARTITION_ITEMS; start += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = start; i < start + 25; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(message(i)).build()).build());
            }
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(TABLE, batch)));
        }
        String arn = dynamo.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        return new EngineRequests(streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
    }

    /** Pattern A's Query: the newest 20 messages of the partition. */
    public String query() {
        return "{\"TableName\":\"" + TABLE + "\",\"KeyConditionExpression\":\"pk = :p\",\"ScanIndexForward\":false,"
                + "\"Limit\":20,\"ExpressionAttributeValues\":{\":p\":{\"S\":\"MSG#group\"}}}";
    }

    /** One message, by its key. */
    public String getItem() {
        return "{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"MSG#group\"},\"sk\":{\"S\":\"" + sortKey(ITEM_READ) + "\"}}}";
    }

    /** A put of a small item into partition {@code pk}. */
    public String putItem(String pk) {
        return "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"S\":\"x\"},"
                + "\"message\":{\"S\":\"a message of some ordinary length\"}}}";
    }

    /** A transaction of puts into partitions {@code TX#base} to {@code TX#base+2}. */
    public String transactWrite(int base) {
        return transactWrite("TX#" + base, "TX#" + (base + 1), "TX#" + (base + 2));
    }

    private String transactWrite(String first, String second, String third) {
        return "{\"TransactItems\":[{\"Put\":" + putItem(first) + "},{\"Put\":" + putItem(second) + "},"
                + "{\"Put\":" + putItem(third) + "}]}";
    }

    /** The first 100 records of the stream. */
    public String getRecords() {
        return "{\"ShardIterator\":\"" + shardIterator + "\",\"Limit\":100}";
    }

    /** The sort key of message {@code i}: a timestamp, as the messages' own keys are. */
    public static String sortKey(int i) {
        return String.format("2026-12-07T10:%02d:%02d.%06d+00:00", i / 3600 % 60, i / 60 % 60, i);
    }

    private static Map<String, AttributeValue> message(int i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("MSG#group"));
        item.put("sk", AttributeValue.fromS(sortKey(i)));
        item.put("message_uuid", AttributeValue.fromS(UUID.randomUUID().toString()));
        item.put("message", AttributeValue.fromS("a message of some ordinary length, number " + i));
        item.put("user_uuid", AttributeValue.fromS("8c3c6a53-6a8e-4f5f-9e7f-9a0d4d2a1b11"));
        item.put("user_display_name", AttributeValue.fromS("Andrew Brown"));
        item.put("user_handle", AttributeValue.fromS("andrewbrown"));
        return item;
    }

    /** Loads the DynamoDB endpoint {@code args[0]} and writes one body per operation into folder {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        URI endpoint = URI.create(args[0]);
        Path folder = Files.createDirectories(Path.of(args[1]));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(credentials).httpClientBuilder(Apache5HttpClient.builder()).build();
                DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint)
                        .region(Region.US_EAST_1).credentialsProvider(credentials).httpClientBuilder(Apache5HttpClient.builder()).build()) {
            EngineRequests requests = load(dynamo, streams);
            Files.writeString(folder.resolve(QUERY), requests.query());
            Files.writeString(folder.resolve(GET_ITEM), requests.getItem());
            Files.writeString(folder.resolve(PUT_ITEM), requests.putItem("PUT#{{n}}"));
            Files.writeString(folder.resolve(TRANSACT_WRITE_ITEMS),
                    requests.transactWrite("TX#{{n}}", "TX#{{n}}+1", "TX#{{n}}+2"));
            Files.writeString(folder.resolve(GET_RECORDS), requests.getRecords());
        }
    }
}
