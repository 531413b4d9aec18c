package io.cruddur.messaging.app.http;

import com.sun.net.httpserver.HttpServer;
import io.cruddur.messaging.app.metrics.RequestMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} in Prometheus' text format on a port of its own (the JDK's HTTP server), so
 * that the API's port, which the load balancer exposes, never shows it.
 */
final class MetricsEndpoint implements AutoCloseable {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    static MetricsEndpoint start(String host, int port, RequestMetrics metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            server.createContext("/metrics", exchange -> {
                byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                int status = "GET".equals(exchange.getRequestMethod()) ? 200 : 405;
                exchange.getResponseHeaders().add("Content-Type", PROMETHEUS_TEXT);
                exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
                try (OutputStream out = exchange.getResponseBody()) {
                    if (status == 200) {
                        out.write(body);
                    }
                }
            });
            server.start();
            return new MetricsEndpoint(server);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("the metrics endpoint cannot listen on " + host + ":" + port, cannotListen);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
