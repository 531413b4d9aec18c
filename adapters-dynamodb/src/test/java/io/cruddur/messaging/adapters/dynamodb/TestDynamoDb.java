package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One DynamoDB engine per test JVM, as an HTTP server inside the JVM, so that tests talk to it
 * through the real SDK, HTTP client and all, exactly as they would to AWS. Each test class takes
 * a table of its own. Part of this module's test-jar, for the modules built on the adapter.
 */
public final class TestDynamoDb {
    private static final TestDynamoDb SHARED = start();

    private final DynamoDbEngine engine;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;

    private TestDynamoDb(DynamoDbEngine engine) {
        this.engine = engine;
        this.dynamo = DynamoDbClients.dynamo(settings("unused-table"));
        this.streams = DynamoDbClients.streams(settings("unused-table"));
    }

    public static TestDynamoDb shared() {
        return SHARED;
    }

    /** The engine itself, for its fault switches and shard rollovers; tests that set switches reset them. */
    public DynamoDbEngine engine() {
        return engine;
    }

    /** Where it listens, as {@code AWS_ENDPOINT_URL} would say. */
    public URI endpoint() {
        return engine.endpoint();
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public DynamoDbStreamsClient streams() {
        return streams;
    }

    /** A client of its own, for tests that watch requests. */
    public DynamoDbClient dynamo(ExecutionInterceptor interceptor) {
        return DynamoDbClients.dynamo(settings("unused-table"), interceptor);
    }

    public DynamoDbSettings settings(String table) {
        return DynamoDbSettings.local(endpoint(), table);
    }

    /** Creates a message table with a name no other test uses. */
    public String newTable() {
        String table = "messages-" + UUID.randomUUID();
        new TableAdmin(dynamo).createTable(table, TableAdmin.Billing.ON_DEMAND, false);
        return table;
    }

    private static TestDynamoDb start() {
        DynamoDbEngine engine = DynamoDbEngine.builder().build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        return new TestDynamoDb(engine);
    }
}
