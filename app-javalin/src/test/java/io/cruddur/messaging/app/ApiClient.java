package io.cruddur.messaging.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP client against a running host, as a frontend or curl would talk to it. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response with its body parsed as JSON (null when it is not JSON). */
    public record Reply(int status, JsonNode body, Map<String, List<String>> headers) {
        /** The target of one relation in the {@code Link} header, or null when there is none. */
        public String link(String relation) {
            String links = header("Link");
            if (links == null) {
                return null;
            }
            for (String link : links.split(",\\s*")) {
                if (link.endsWith("rel=\"" + relation + "\"")) {
                    return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
                }
            }
            return null;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public String login(String handle) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(base + "/dev/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"" + handle + "\"}")));
        if (reply.status() != 200) {
            throw new IllegalStateException("dev login of " + handle + " answered " + reply.status() + " " + reply.body());
        }
        return reply.body().get("access_token").asText();
    }

    public Reply get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Reply post(String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public Reply patch(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Reply delete(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** The body of a GET that answers 200 as plain text, or the status as an exception. */
    public String text(String path) {
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(base + path)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** A browser's CORS preflight for a POST with a token and a JSON body to {@code path}, from {@code origin}. */
    public Reply preflight(String path, String origin) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type, Authorization"));
    }

    public Reply send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        JsonNode body;
        try {
            body = response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = null;
        }
        return new Reply(response.statusCode(), body, response.headers().map());
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
