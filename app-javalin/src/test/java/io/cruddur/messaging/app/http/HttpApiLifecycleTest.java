package io.cruddur.messaging.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.app.auth.LocalIssuer;
import io.cruddur.messaging.app.config.EventStreamLimits;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.metrics.RequestMetrics;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.usecase.Messaging;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HttpApiLifecycleTest {
    private final InMemoryUserDirectory users = new InMemoryUserDirectory();
    private final LocalIssuer issuer = new LocalIssuer(Clock.systemUTC());
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void stopping_lets_a_request_under_way_finish() throws Exception {
        Messaging messaging = Messaging.builder().messages(new InMemoryMessagingPort()).users(users)
                .clock(new SlowClock()).build();
        CognitoUserId sub = new CognitoUserId("sub-andrew");
        users.register(new NewUser(new Handle("andrewbrown"), "Drew Brown", "drew@example.org", Optional.of(sub)));
        users.register(new NewUser(new Handle("bayko"), "Bay Kovac", "bay@example.org", Optional.empty()));
        HttpApi api = new HttpApi(config(HostConfig.Mode.MEMORY), messaging, issuer.verifier(), Optional.empty(), new LiveEvents(EventStreamLimits.DEFAULT),
                new RequestMetrics());
        int port = api.start();

        CompletableFuture<HttpResponse<String>> underWay = client.sendAsync(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/messages"))
                .header("Authorization", "Bearer " + issuer.issue(sub))
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"slow hello\",\"handle\":\"bayko\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(SlowClock.DELAY.toMillis() / 3);
        api.stop();

        assertThat(underWay.get().statusCode()).isEqualTo(200);
        assertThat(underWay.get().body()).contains("message_group_uuid");
    }

    @Test
    void without_a_dev_login_there_is_no_dev_login_route_nor_key_set() throws Exception {
        Messaging messaging = Messaging.builder().messages(new InMemoryMessagingPort()).users(users).build();
        HttpApi api = new HttpApi(config(HostConfig.Mode.MEMORY), messaging, issuer.verifier(), Optional.empty(), new LiveEvents(EventStreamLimits.DEFAULT),
                new RequestMetrics());
        int port = api.start();
        try {
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"andrewbrown\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> keys = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).isEqualTo(404);
            assertThat(keys.statusCode()).isEqualTo(404);
        } finally {
            api.stop();
        }
    }

    @Test
    void every_domain_code_maps_to_a_client_or_availability_status_never_500() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ApiErrors.status(code.kind())).as(code.code()).isIn(400, 401, 403, 404, 409, 422, 503);
        }
    }

    private static HostConfig config(HostConfig.Mode mode) {
        return HostConfig.from(mode, 0, Map.of());
    }

    /** A clock that takes a while to tell the time, so a send is still under way when the host stops. */
    private static final class SlowClock extends Clock {
        static final Duration DELAY = Duration.ofMillis(1500);

        @Override
        public Instant instant() {
            try {
                Thread.sleep(DELAY.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
