package io.cruddur.messaging.app.http;

import io.cruddur.messaging.app.auth.TokenRejected;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one table from refusals to HTTP. Every error answers with a JSON array of stable codes: the
 * domain's codes by their kind, and the host's own for what only HTTP can get wrong.
 */
final class ApiErrors {
    static final String BODY_MALFORMED = "body_malformed";
    static final String BODY_TOO_LARGE = "body_too_large";
    static final String BODY_TOO_SLOW = "body_too_slow";
    static final String REQUEST_MALFORMED = "request_malformed";
    static final String URI_TOO_LONG = "uri_too_long";
    static final String HEADERS_TOO_LARGE = "headers_too_large";
    static final String INTERNAL_ERROR = "internal_error";
    static final String EVENT_STREAMS_FULL = "event_streams_full";
    static final String ORIGIN_NOT_ALLOWED = "origin_not_allowed";
    static final String RATE_LIMITED = "rate_limited";
    private static final Duration EVENT_STREAMS_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static int status(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 422;
            case BAD_REQUEST -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
    }

    static void install(JavalinConfig config) {
        config.routes.exception(MessagingException.class, (refused, ctx) ->
                answer(ctx, status(refused.kind()), refused.codes().stream().map(ErrorCode::code).toList()));
        config.routes.exception(TokenRejected.class, (rejected, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            answer(ctx, 401, List.of(rejected.code()));
        });
        config.routes.exception(HostRefusal.class, (refusal, ctx) -> {
            refusal.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(wait.toSeconds())));
            answer(ctx, refusal.status(), List.of(refusal.code()));
        });
        config.routes.exception(HttpResponseException.class, (http, ctx) ->
                answer(ctx, http.getStatus(), List.of(code(http.getStatus()))));
        config.routes.exception(Exception.class, (unexpected, ctx) -> {
            String request;
            try {
                request = ctx.method() + " " + ctx.path();
            } catch (RuntimeException recycled) {
                // the exchange ended before its handler did (a client gone mid-stream): nobody to answer
                LOG.debug("failure after the exchange ended: {}", unexpected.toString());
                return;
            }
            LOG.error("unexpected failure on {}", request, unexpected);
            answer(ctx, 500, List.of(INTERNAL_ERROR));
        });
    }

    /** The code for a status HTTP itself refused with, before or outside the routes. */
    static String code(int status) {
        return switch (status) {
            case 400 -> REQUEST_MALFORMED;
            case 408 -> BODY_TOO_SLOW;
            case 413 -> BODY_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            default -> "http_" + status;
        };
    }

    private static void answer(Context ctx, int status, List<String> codes) {
        ctx.status(status).json(codes);
    }

    /**
     * A refusal only the host can make: a body it cannot read (malformed JSON, wrong field types),
     * a page of another origin, a client over a rate limit, or no room for another event stream.
     */
    static final class HostRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final String code;
        private final transient Optional<Duration> retryAfter;

        private HostRefusal(int status, String code, String reason, Optional<Duration> retryAfter) {
            super(reason);
            this.status = status;
            this.code = code;
            this.retryAfter = retryAfter;
        }

        static HostRefusal malformed(String reason) {
            return new HostRefusal(400, BODY_MALFORMED, reason, Optional.empty());
        }

        static HostRefusal originNotAllowed() {
            return new HostRefusal(403, ORIGIN_NOT_ALLOWED, "a page of another origin called the API", Optional.empty());
        }

        /** Retry-After is in whole seconds, rounded up: a client that waits it is let through. */
        static HostRefusal rateLimited(Duration untilAllowed) {
            Duration wait = Duration.ofSeconds(Math.max(1, (untilAllowed.toMillis() + 999) / 1000));
            return new HostRefusal(429, RATE_LIMITED, "over the rate limit", Optional.of(wait));
        }

        static HostRefusal eventStreamsFull() {
            return new HostRefusal(503, EVENT_STREAMS_FULL, "the host holds as many event streams as it may",
                    Optional.of(EVENT_STREAMS_RETRY_AFTER));
        }

        int status() {
            return status;
        }

        String code() {
            return code;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }
}
