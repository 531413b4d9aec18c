package io.cruddur.messaging.app.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.auth.AccessTokenVerifier;
import io.cruddur.messaging.app.auth.LocalIssuer;
import io.cruddur.messaging.app.metrics.RequestMetrics;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.NewsSubscription;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP host: routes, authentication, CORS for {@code FRONTEND_URL}, bodies read whole within a
 * size and a deadline before any route runs, connection limits, the error table, security headers,
 * health, metrics on a port of their own when configured, and in the local deployments the dev
 * login and the issuer's key set.
 */
public final class HttpApi {
    /** Large enough for a 1024-character message of 4-byte characters in JSON, small enough to refuse junk. */
    static final long MAX_BODY_BYTES = 16 * 1024;
    /** How long a stop waits for requests under way to finish. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long a connection may stay silent; twice the live events' heartbeat, so an open stream
     * never reaches it.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2 * LiveEvents.HEARTBEAT_SECONDS);
    private static final String CALLER = "caller";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /**
     * The page loads its own script, style and icon only; nothing may frame it, and no address is
     * sent on as a referrer.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private final HostConfig config;
    private final Messaging messaging;
    private final AccessTokenVerifier verifier;
    private final Optional<DevLogin> devLogin;
    private final LiveEvents events;
    private final RequestMetrics metrics;
    /** Strict: a key twice in one object, or anything after the object, makes a body malformed. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private Javalin server;
    private Optional<MetricsEndpoint> metricsEndpoint = Optional.empty();
    private NewsSubscription news;

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
        MessagingRoutes routes = new MessagingRoutes(messaging, verifier, json, config.rates());
        Throttle devLogins = new Throttle(config.rates().devLoginsPerMinute());
        CrossOrigin crossOrigin = new CrossOrigin(config.frontendUrl(), config.preflightMaxAge());
        news = messaging.subscribeToNews(events);
        server = Javalin.create(app -> {
            app.jsonMapper(new JavalinJackson(json, false));
            app.http.maxRequestSize = MAX_BODY_BYTES;
            app.startup.showJavalinBanner = false;
            app.staticFiles.add("/public", Location.CLASSPATH);
            app.jetty.modifyServer(jetty -> {
                // With a stop timeout, Javalin's statistics handler lets requests under way finish.
                jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
                jetty.insertHandler(new WholeBodies((int) MAX_BODY_BYTES, config.connections().bodyDeadline()));
                jetty.setErrorHandler(new ServerRefusals());
                jetty.addBean(new NetworkConnectionLimit(config.connections().total(), jetty));
            });
            app.jetty.addConnector((jetty, http) -> {
                if (config.connections().behindProxy()) {
                    http.addCustomizer(new ForwardedRequestCustomizer());
                }
                ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                if (config.connections().perAddress() > 0 && !config.connections().behindProxy()) {
                    connector.addBean(new ConnectionsPerAddress(config.connections().perAddress()));
                }
                return connector;
            });

            ApiErrors.install(app);
            app.routes.before(ctx -> {
                metrics.requestStarted();
                SECURITY_HEADERS.forEach(ctx::header);
                crossOrigin.check(ctx);
            });
            app.routes.after(ctx -> {
                Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
                metrics.requestFinished(ctx.method().name(), matched == null ? RequestMetrics.UNMATCHED : matched.path,
                        ctx.statusCode());
            });
            Set<String> paths = new LinkedHashSet<>();
            app.routes.get(routed(paths, "/health"), ctx -> ctx.json(Map.of("status", "ok", "mode", config.mode().name().toLowerCase())));
            app.routes.get(routed(paths, "/api/message_groups"), routes::listGroups);
            app.routes.get(routed(paths, "/api/messages/{group}"), routes::listMessages);
            app.routes.post(routed(paths, "/api/messages"), routes::postMessage);
            app.routes.patch(routed(paths, "/api/messages/{group}/{message}"), routes::editMessage);
            app.routes.delete(routed(paths, "/api/messages/{group}/{message}"), routes::deleteMessage);
            app.routes.post(routed(paths, "/api/message_groups"), routes::postGroup);
            app.routes.get(routed(paths, "/api/message_groups/{group}/members"), routes::listMembers);
            app.routes.post(routed(paths, "/api/message_groups/{group}/members"), routes::addMembers);
            app.routes.delete(routed(paths, "/api/message_groups/{group}/members/me"), routes::leaveGroup);
            app.routes.post(routed(paths, "/api/message_groups/{group}/read"), routes::markRead);
            app.routes.get(routed(paths, "/api/users/{handle}/short"), routes::shortProfile);
            app.routes.post(routed(paths, "/api/users/{handle}/block"), routes::block);
            app.routes.delete(routed(paths, "/api/users/{handle}/block"), routes::unblock);
            app.routes.get(routed(paths, "/api/blocks"), routes::listBlocks);
            // Authenticated before the stream opens, so a refusal is a plain 401, not a broken stream.
            app.routes.before("/api/events", ctx -> {
                ctx.attribute(CALLER, routes.caller(ctx));
                if (!events.hasRoom()) {
                    throw ApiErrors.HostRefusal.eventStreamsFull();
                }
            });
            app.routes.sse(routed(paths, "/api/events"), client ->
                    events.join(client.ctx().<User>attribute(CALLER).id(), new SseSink(client)));
            devLogin.ifPresent(login -> {
                app.routes.post(routed(paths, "/dev/login"), ctx -> {
                    devLogins.take(ctx.ip());
                    String handle = JsonBodies.text(JsonBodies.object(json, ctx), "handle");
                    String token = login.tokenFor(Handle.parse(handle));
                    ctx.json(new Views.TokenView(token, "Bearer", LocalIssuer.TOKEN_LIFETIME.toSeconds()));
                });
                app.routes.get(routed(paths, "/.well-known/jwks.json"), ctx -> ctx.json(login.publicKeySet()));
                app.routes.get(routed(paths, "/dev/users"), ctx -> ctx.json(login.users()));
            });
            // A preflight is answered by its route, so it counts there with the status the browser got.
            paths.forEach(path -> app.routes.options(path, ctx -> ctx.status(204)));
        }).start();
        if (config.mode().issuesOwnTokens() && !config.loopbackOnly()) {
            LOG.warn("listening on {}, beyond this machine: its dev login gives a token for any user to whoever"
                    + " reaches it", config.host());
        }
        metricsEndpoint = config.metricsPort().stream().mapToObj(port -> MetricsEndpoint.start(config.host(), port, metrics))
                .findFirst();
        return server.port();
    }

    /** The port {@code GET /metrics} listens on, when it is served. */
    public synchronized OptionalInt metricsPort() {
        return metricsEndpoint.map(endpoint -> OptionalInt.of(endpoint.port())).orElse(OptionalInt.empty());
    }

    /** Stops taking requests and lets the ones under way finish. */
    public synchronized void stop() {
        if (server != null) {
            metricsEndpoint.ifPresent(MetricsEndpoint::close);
            metricsEndpoint = Optional.empty();
            news.close();
            events.close();
            server.stop();
            server = null;
        }
    }

    /** {@code path}, noted in {@code paths} so it also answers preflights. */
    private static String routed(Set<String> paths, String path) {
        paths.add(path);
        return path;
    }
}
