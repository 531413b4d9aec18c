package io.cruddur.messaging.benchmarks;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
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

    @Param({"http", "in-process"})
    public String transport;

    private DynamoDbEngine engine;
    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;
    private EngineRequests requests;

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
        requests = EngineRequests.load(dynamo, streams);
    }

    @TearDown(Level.Trial)
    public void stop() {
        dynamo.close();
        streams.close();
        engine.close();
    }

    @Benchmark
    public Object query() {
        if (transport.equals("in-process")) {
            return engine.call(EngineRequests.QUERY, requests.query());
        }
        return dynamo.query(b -> b.tableName(EngineRequests.TABLE).keyConditionExpression("pk = :p").scanIndexForward(false).limit(20)
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("MSG#group"))));
    }

    @Benchmark
    public Object getItem() {
        if (transport.equals("in-process")) {
            return engine.call(EngineRequests.GET_ITEM, requests.getItem());
        }
        return dynamo.getItem(b -> b.tableName(EngineRequests.TABLE).key(Map.of("pk", AttributeValue.fromS("MSG#group"),
                "sk", AttributeValue.fromS(EngineRequests.sortKey(EngineRequests.ITEM_READ)))));
    }

    @Benchmark
    public Object putItem() {
        String pk = "PUT#" + ThreadLocalRandom.current().nextInt(100_000);
        if (transport.equals("in-process")) {
            return engine.call(EngineRequests.PUT_ITEM, requests.putItem(pk));
        }
        return dynamo.putItem(b -> b.tableName(EngineRequests.TABLE).item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS("x"), "message", AttributeValue.fromS("a message of some ordinary length"))));
    }

    @Benchmark
    public Object transactWrite() {
        int base = ThreadLocalRandom.current().nextInt(100_000);
        if (transport.equals("in-process")) {
            return engine.call(EngineRequests.TRANSACT_WRITE_ITEMS, requests.transactWrite(base));
        }
        return dynamo.transactWriteItems(b -> b.transactItems(transactPut("TX#" + base), transactPut("TX#" + (base + 1)),
                transactPut("TX#" + (base + 2))));
    }

    private static TransactWriteItem transactPut(String pk) {
        return TransactWriteItem.builder().put(p -> p.tableName(EngineRequests.TABLE).item(Map.of("pk", AttributeValue.fromS(pk),
                "sk", AttributeValue.fromS("x"), "message", AttributeValue.fromS("a message of some ordinary length")))).build();
    }

    @Benchmark
    public Object getRecords() {
        if (transport.equals("in-process")) {
            return engine.call(EngineRequests.GET_RECORDS, requests.getRecords());
        }
        return streams.getRecords(b -> b.shardIterator(requests.shardIterator()).limit(100));
    }
}
