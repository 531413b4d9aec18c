package io.cruddur.messaging.adapters.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One DynamoDB Local per test JVM, as an HTTP server inside the JVM, so that tests talk to it
 * through the real SDK, HTTP client and all, exactly as they would to AWS. Each test class takes
 * a table of its own. Part of this module's test-jar, for the modules built on the adapter.
 */
public final class LocalDynamoDb {
    private static final LocalDynamoDb SHARED = start();

    private final URI endpoint;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;

    private LocalDynamoDb(URI endpoint) {
        this.endpoint = endpoint;
        this.dynamo = DynamoDbClients.dynamo(settings("unused-table"));
        this.streams = DynamoDbClients.streams(settings("unused-table"));
    }

    public static LocalDynamoDb shared() {
        return SHARED;
    }

    /** Where it listens, as {@code AWS_ENDPOINT_URL} would say. */
    public URI endpoint() {
        return endpoint;
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
        return DynamoDbSettings.local(endpoint, table);
    }

    /** Creates a message table with a name no other test uses. */
    public String newTable() {
        String table = "messages-" + UUID.randomUUID();
        new TableAdmin(dynamo).createTable(table, TableAdmin.Billing.ON_DEMAND, false);
        return table;
    }

    private static LocalDynamoDb start() {
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));
        } catch (Exception failed) {
            throw new IllegalStateException("DynamoDB Local did not start", failed);
        }
        return new LocalDynamoDb(URI.create("http://127.0.0.1:" + port));
    }

    private static void stop(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception ignoredAtExit) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
