package io.cruddur.messaging.app.http;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Which pages may call the API from a browser: the host's own page, and {@code FRONTEND_URL}.
 * Checked before any handler runs, so a request from any other origin is refused
 * ({@code 403 origin_not_allowed}) before it can change anything; a request without an
 * {@code Origin} (not a browser's cross-origin call) passes. The own page is recognised by its
 * authority alone (host and port, the {@code Host} header), since a load balancer in front may end
 * TLS.
 */
final class CrossOrigin {
    static final String ALLOWED_METHODS = "GET, POST, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "authorization, content-type, idempotency-key, last-event-id";

    private final Optional<String> frontend;
    private final Duration preflightMaxAge;

    CrossOrigin(Optional<URI> frontend, Duration preflightMaxAge) {
        this.frontend = frontend.map(CrossOrigin::origin);
        this.preflightMaxAge = preflightMaxAge;
    }

    /**
     * Lets the request on, with the CORS headers for {@code FRONTEND_URL} (and, for a preflight,
     * what it may send, answered by the route's {@code OPTIONS} endpoint), or refuses the origin.
     */
    void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || ownPage(origin, ctx.header("Host"))) {
            return;
        }
        if (frontend.isEmpty() || !frontend.get().equalsIgnoreCase(origin.strip())) {
            throw ApiErrors.HostRefusal.originNotAllowed();
        }
        ctx.header("Access-Control-Allow-Origin", frontend.get());
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", "Link");
        if ("OPTIONS".equals(ctx.method().name()) && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", Long.toString(preflightMaxAge.toSeconds()));
        }
    }

    private static boolean ownPage(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
    }

    private static String origin(URI configured) {
        String origin = configured.getScheme() + "://" + configured.getRawAuthority();
        return origin.toLowerCase(Locale.ROOT);
    }
}
