package io.cruddur.messaging.benchmarks;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB engine's own throughput: the newest 20 of a 10⁴-item partition (pattern A's Query),
 * GetItem, PutItem, TransactWriteItems of 3 items and GetRecords of 100 records, over HTTP through
 * the AWS SDK (as every client sees it; run with {@code -t 1} and {@code -t 16} for one and sixteen
 * connections) and in process ({@link DynamoDbEngine#call}, the engine without the protocol).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmarks {
    private static final String TABLE = "bench";
    private static final int PARTITION_ITEMS = 10_000;

    @Param({"http", "in-process"})
    public String transport;

    private DynamoDbEngine engine;
    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;
    private String shardIterator;
    private String queryJson;
    private String getJson;
    private String getRecordsJson;

    @Setup(Level.Trial)
    public void start() {
        engine = DynamoDbEngine.builder().threads(64).build().start();
        URI endpoint = engine.endpoint();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(64))
                .overrideConfiguration(config -> config.apiCallTimeout(Duration.ofSeconds(30))).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(Apache5HttpClient.builder().maxConnections(64)).build();
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        for (int start = 0; start < PARTITION_ITEMS; start += 25) {
            List<WriteRequest> batch = new java.util.ArrayList<>();
            for (int i = start; i < start + 25; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(message(i)).build()).build());
            }
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(TABLE, batch)));
        }
        String arn = dynamo.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        shardIterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        queryJson = "{\"TableName\":\"bench\",\"KeyConditionExpression\":\"pk = :p\",\"ScanIndexForward\":false,"
                + "\"Limit\":20,\"ExpressionAttributeValues\":{\":p\":{\"S\":\"MSG#group\"}}}";
        getJson = "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"MSG#group\"},\"sk\":{\"S\":\"" + sortKey(4242) + "\"}}}";
        getRecordsJson = "{\"ShardIterator\":\"" + shardIterator + "\",\"Limit\":100}";
    }

    @TearDown(Level.Trial)
    public void stop() {
        dynamo.close();
        streams.close();
        engine.close();
    }

    private static String sortKey(int i) {
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

    private static String putJson(String pk) {
        return "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"S\":\"x\"},"
                + "\"message\":{\"S\":\"a message of some ordinary length\"}}}";
    }

    @Benchmark
    public Object query() {
        if (transport.equals("in-process")) {
            return engine.call("DynamoDB_20120810.Query", queryJson);
        }
        return dynamo.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :p").scanIndexForward(false).limit(20)
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("MSG#group"))));
    }

    @Benchmark
    public Object getItem() {
        if (transport.equals("in-process")) {
            return engine.call("DynamoDB_20120810.GetItem", getJson);
        }
        return dynamo.getItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("MSG#group"),
                "sk", AttributeValue.fromS(sortKey(4242)))));
    }

    @Benchmark
    public Object putItem() {
        String pk = "PUT#" + ThreadLocalRandom.current().nextInt(100_000);
        if (transport.equals("in-process")) {
            return engine.call("DynamoDB_20120810.PutItem", putJson(pk));
        }
        return dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS("x"), "message", AttributeValue.fromS("a message of some ordinary length"))));
    }

    @Benchmark
    public Object transactWrite() {
        int base = ThreadLocalRandom.current().nextInt(100_000);
        if (transport.equals("in-process")) {
            return engine.call("DynamoDB_20120810.TransactWriteItems", "{\"TransactItems\":["
                    + "{\"Put\":" + putJson("TX#" + base) + "},{\"Put\":" + putJson("TX#" + (base + 1)) + "},"
                    + "{\"Put\":" + putJson("TX#" + (base + 2)) + "}]}");
        }
        return dynamo.transactWriteItems(b -> b.transactItems(transactPut("TX#" + base), transactPut("TX#" + (base + 1)),
                transactPut("TX#" + (base + 2))));
    }

    private static TransactWriteItem transactPut(String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS("x"), "message", AttributeValue.fromS("a message of some ordinary length")))).build();
    }

    @Benchmark
    public Object getRecords() {
        if (transport.equals("in-process")) {
            return engine.call("DynamoDBStreams_20120810.GetRecords", getRecordsJson);
        }
        return streams.getRecords(b -> b.shardIterator(shardIterator).limit(100));
    }
}
