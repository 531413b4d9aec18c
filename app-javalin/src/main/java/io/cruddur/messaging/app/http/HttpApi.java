package io.cruddur.messaging.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.auth.AccessTokenVerifier;
import io.cruddur.messaging.app.auth.LocalIssuer;
import io.cruddur.messaging.app.metrics.RequestMetrics;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.usecase.Messaging;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP host: routes, authentication, CORS for {@code FRONTEND_URL}, a body size limit, the
 * error table, health, metrics when configured, and in the local deployments the dev login and the
 * issuer's key set.
 */
public final class HttpApi {
    /** Large enough for a 1024-character message of 4-byte characters in JSON, small enough to refuse junk. */
    static final long MAX_BODY_BYTES = 16 * 1024;
    /** How long a stop waits for requests under way to finish. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String CALLER = "caller";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HostConfig config;
    private final Messaging messaging;
    private final AccessTokenVerifier verifier;
    private final Optional<DevLogin> devLogin;
    private final LiveEvents events;
    private final RequestMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();
    private Javalin server;
    private NewsBus.Subscription news;

    public HttpApi(HostConfig config, Messaging messaging, AccessTokenVerifier verifier, Optional<DevLogin> devLogin,
            LiveEvents events, RequestMetrics metrics) {
        this.config = config;
        this.messaging = messaging;
        this.verifier = verifier;
        this.devLogin = devLogin;
        this.events = events;
        this.metrics = metrics;
    }

    /** Starts listening; returns the port (useful when the configured port is 0). */
    public synchronized int start() {
        MessagingRoutes routes = new MessagingRoutes(messaging, verifier, json);
        news = messaging.subscribeToNews(events);
        server = Javalin.create(app -> {
            app.jsonMapper(new JavalinJackson(json, false));
            app.http.maxRequestSize = MAX_BODY_BYTES;
            app.startup.showJavalinBanner = false;
            app.staticFiles.add("/public", Location.CLASSPATH);
            // With a stop timeout, Javalin's statistics handler lets requests under way finish.
            app.jetty.modifyServer(jetty -> jetty.setStopTimeout(STOP_TIMEOUT.toMillis()));

            config.frontendUrl().ifPresent(origin -> app.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.allowHost(origin.toString());
                rule.exposeHeader("Link");
            })));
            ApiErrors.install(app);
            app.routes.before(ctx -> metrics.requestStarted());
            app.routes.after(ctx -> {
                Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
                metrics.requestFinished(ctx.method().name(), matched == null ? RequestMetrics.UNMATCHED : matched.path,
                        ctx.statusCode());
            });
            if (config.metricsEndpoint()) {
                app.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            }
            app.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok", "mode", config.mode().name().toLowerCase())));
            app.routes.get("/api/message_groups", routes::listGroups);
            app.routes.get("/api/messages/{group}", routes::listMessages);
            app.routes.post("/api/messages", routes::postMessage);
            app.routes.get("/api/users/{handle}/short", routes::shortProfile);
            // Authenticated before the stream opens, so a refusal is a plain 401, not a broken stream.
            app.routes.before("/api/events", ctx -> {
                ctx.attribute(CALLER, routes.caller(ctx));
                if (!events.hasRoom()) {
                    throw ApiErrors.HostRefusal.eventStreamsFull();
                }
            });
            app.routes.sse("/api/events", client ->
                    events.join(client.ctx().<User>attribute(CALLER).id(), new SseSink(client)));
            devLogin.ifPresent(login -> {
                app.routes.post("/dev/login", ctx -> {
                    String handle = JsonBodies.text(JsonBodies.object(json, ctx), "handle");
                    String token = login.tokenFor(new Handle(handle == null ? "" : handle));
                    ctx.json(new Views.TokenView(token, "Bearer", LocalIssuer.TOKEN_LIFETIME.toSeconds()));
                });
                app.routes.get("/.well-known/jwks.json", ctx -> ctx.json(login.publicKeySet()));
                app.routes.get("/dev/users", ctx -> ctx.json(login.users()));
            });
        }).start(config.port());
        return server.port();
    }

    /** Stops taking requests and lets the ones under way finish. */
    public synchronized void stop() {
        if (server != null) {
            news.close();
            events.close();
            server.stop();
            server = null;
        }
    }
}
