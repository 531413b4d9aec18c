package io.cruddur.engine.dynamodb.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.operations.Operations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * The DynamoDB and DynamoDB Streams JSON 1.0 protocol over HTTP, on the JDK's own server: a POST
 * whose {@code X-Amz-Target} names the operation, answered with a JSON body, its CRC32 and a
 * request id, or with an error body whose {@code __type} the SDKs map to their exceptions.
 * Signatures are not checked: any credentials are accepted.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpEndpoint.class.getName());
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    static {
        // The JDK's server writes a response's headers and body apart; without TCP_NODELAY a
        // keep-alive client's delayed ACK holds every answer back by about 40 ms. Read once, when the
        // JDK's server is first used in the process, so it is set before that.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Operations operations;
    private final HttpServer server;
    private final ExecutorService workers;

    private HttpEndpoint(Operations operations, HttpServer server, ExecutorService workers) {
        this.operations = operations;
        this.server = server;
        this.workers = workers;
    }

    /** Starts listening on {@code address} (port 0: any free port). */
    public static HttpEndpoint start(Operations operations, InetSocketAddress address, int threads) throws IOException {
        HttpServer server = HttpServer.create(address, 256);
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-engine-http");
            thread.setDaemon(true);
            return thread;
        });
        HttpEndpoint endpoint = new HttpEndpoint(operations, server, workers);
        server.createContext("/", endpoint::handle);
        server.setExecutor(workers);
        server.start();
        return endpoint;
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                byte[] body = ("healthy: " + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            byte[] requestBody = readBody(exchange);
            if (requestBody == null) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            ObjectNode response;
            int status = 200;
            try {
                JsonNode request = parse(requestBody);
                response = operations.execute(target, request);
            } catch (ApiException refused) {
                status = refused.status();
                response = errorBody(refused);
            } catch (RuntimeException defect) {
                LOG.log(Level.SEVERE, "request failed: " + target, defect);
                status = 500;
                response = errorBody(new ApiException("InternalServerError",
                        "The server encountered an internal error trying to fulfill the request.", 500, Map.of()));
            }
            byte[] body = json.writeValueAsBytes(response);
            CRC32 crc = new CRC32();
            crc.update(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId());
            exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode request = json.readTree(body);
            return request == null ? json.createObjectNode() : request;
        } catch (JsonProcessingException malformed) {
            throw new ApiException("SerializationException", "Start of structure or map found where not expected.");
        } catch (IOException unreadable) {
            throw new ApiException("SerializationException", "The request body could not be read.");
        }
    }

    private ObjectNode errorBody(ApiException refused) {
        ObjectNode body = json.createObjectNode();
        String type = refused.errorType();
        String namespace = switch (type) {
            case "ValidationException" -> "com.amazon.coral.validate#";
            case "SerializationException", "UnknownOperationException" -> "com.amazon.coral.service#";
            default -> "com.amazonaws.dynamodb.v20120810#";
        };
        body.put("__type", namespace + type);
        boolean capitalised = type.equals("TransactionCanceledException") || type.equals("SerializationException");
        body.put(capitalised ? "Message" : "message", refused.getMessage());
        refused.extraFields().forEach((field, value) -> body.set(field, json.valueToTree(value)));
        return body;
    }

    /** A request id of DynamoDB's shape; it correlates logs, it guards nothing, so any randomness serves. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[52];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
