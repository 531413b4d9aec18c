package io.cruddur.engine.dynamodb.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.operations.Operations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The DynamoDB and DynamoDB Streams JSON 1.0 protocol over HTTP, on Jetty: a POST whose
 * {@code X-Amz-Target} names the operation, answered with a JSON body, its CRC32 and a request id,
 * or with an error body whose {@code __type} the SDKs map to their exceptions. Signatures are not
 * checked: any credentials are accepted.
 */
public final class HttpEndpoint implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HttpEndpoint.class.getName());
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final ApiException INTERNAL_ERROR = new ApiException("InternalServerError",
            "The server encountered an internal error trying to fulfill the request.", 500, Map.of());
    private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final ObjectMapper json = JsonValues.mapper();
    private final Operations operations;
    private final Server server;
    private final ServerConnector connector;

    private HttpEndpoint(Operations operations, int threads) {
        this.operations = operations;
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("dynamodb-engine-http");
        pool.setDaemon(true);
        // Daemon threads throughout, the scheduler's too: an engine left open never holds the JVM.
        this.server = new Server(pool, new ScheduledExecutorScheduler("dynamodb-engine-scheduler", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        // Jetty runs its acceptors and selectors on the same pool: room for them beside the requests.
        pool.setMaxThreads(threads + connector.getAcceptors() + connector.getSelectorManager().getSelectorCount());
        pool.setMinThreads(Math.min(pool.getMaxThreads(), 4));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                respond(request, response, callback);
                return true;
            }
        });
    }

    /** Starts listening on {@code address} (port 0: any free port), serving {@code threads} requests at once. */
    public static HttpEndpoint start(Operations operations, InetSocketAddress address, int threads) throws IOException {
        HttpEndpoint endpoint = new HttpEndpoint(operations, threads);
        endpoint.connector.setHost(address.getHostString());
        endpoint.connector.setPort(address.getPort());
        try {
            endpoint.server.start();
        } catch (IOException cannotListen) {
            endpoint.close();
            throw cannotListen;
        } catch (Exception failed) {
            endpoint.close();
            throw new IOException("the HTTP server did not start", failed);
        }
        return endpoint;
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception failed) {
            LOG.log(Level.WARNING, "the HTTP server did not stop cleanly", failed);
        }
    }

    private void respond(Request request, Response response, Callback callback) {
        if (!request.getMethod().equals("POST")) {
            String host = request.getHeaders().get(HttpHeader.HOST);
            send(response, callback, 200, "text/plain", ("healthy: " + host).getBytes(StandardCharsets.UTF_8));
            return;
        }
        String target = request.getHeaders().get("X-Amz-Target");
        ObjectNode answer;
        int status = 200;
        try {
            answer = operations.execute(target, parse(readBody(request)));
        } catch (ApiException refused) {
            status = refused.status();
            answer = errorBody(refused);
        } catch (RuntimeException defect) {
            LOG.log(Level.SEVERE, "request failed: " + target, defect);
            status = 500;
            answer = errorBody(INTERNAL_ERROR);
        }
        byte[] body;
        try {
            body = answer == null ? new byte[0] : json.writeValueAsBytes(answer);
        } catch (JsonProcessingException | RuntimeException unwritable) {
            LOG.log(Level.SEVERE, "answer not written: " + target, unwritable);
            status = 500;
            body = internalError();
        }
        CRC32 crc = new CRC32();
        crc.update(body);
        response.getHeaders().put("x-amzn-RequestId", requestId());
        response.getHeaders().put("x-amz-crc32", Long.toString(crc.getValue()));
        send(response, callback, status, CONTENT_TYPE, body);
    }

    private static void send(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] readBody(Request request) {
        try {
            byte[] raw = rawBody(request);
            if (!"gzip".equalsIgnoreCase(request.getHeaders().get(HttpHeader.CONTENT_ENCODING))) {
                return raw;
            }
            try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                byte[] body = unzipped.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
                return body;
            }
        } catch (IOException unreadable) {
            throw new ApiException("SerializationException", "The request body could not be read.");
        }
    }

    /** The body as sent: most come whole in the chunk already read with the headers, taken without waiting. */
    private static byte[] rawBody(Request request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Content.Chunk first = request.read();
        if (first != null) {
            if (Content.Chunk.isFailure(first)) {
                throw new IOException(first.getFailure());
            }
            ByteBuffer bytes = first.getByteBuffer();
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            body.writeBytes(copy);
            boolean last = first.isLast();
            first.release();
            if (last) {
                return body.toByteArray();
            }
        }
        body.writeBytes(Content.Source.asInputStream(request).readNBytes(MAX_BODY_BYTES + 1 - body.size()));
        if (body.size() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return body.toByteArray();
    }

    private static ApiException tooLarge() {
        return new ApiException("RequestEntityTooLarge",
                "Request must be smaller than " + MAX_BODY_BYTES + " bytes for the operation.", 413, Map.of());
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode request = json.readTree(body);
            return request == null ? json.createObjectNode() : request;
        } catch (IOException malformed) {
            throw new ApiException("SerializationException", "Start of structure or map found where not expected.");
        }
    }

    private byte[] internalError() {
        try {
            return json.writeValueAsBytes(errorBody(INTERNAL_ERROR));
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("a fixed error body is always written", unwritable);
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
