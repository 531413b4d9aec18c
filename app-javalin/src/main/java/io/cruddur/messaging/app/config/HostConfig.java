package io.cruddur.messaging.app.config;

import io.cruddur.messaging.app.auth.CognitoSettings;
import io.cruddur.messaging.core.usecase.Messaging;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the host runs, built once at start from flags and the environment and checked there, so a
 * bad value stops the start with a message naming it.
 *
 * @param mode         which deployment: embedded engines, memory, or AWS
 * @param host         the address the HTTP API listens on ({@code --host}): loopback by default in
 *                     the local modes, whose dev login mints a token for anyone who reaches it
 * @param port         the HTTP port
 * @param frontendUrl  the origin allowed by CORS ({@code FRONTEND_URL}), if any
 * @param preflightMaxAge how long a browser may reuse the answer to a CORS preflight
 *                     ({@code Access-Control-Max-Age}, whole seconds)
 * @param cursorSecret the key that signs page cursors ({@code CURSOR_SECRET}, base64, at least 32
 *                     bytes); when empty the facade makes one per process
 * @param cognito      the user pool whose access tokens are accepted (AWS mode only)
 * @param metricsPort  where {@code GET /metrics} serves the request counters, on the API's address
 *                     but a port of its own, so the API's clients cannot read it (off unless asked
 *                     for; 0 picks a free port)
 * @param eventStreams how many live event streams the host keeps open
 * @param connections  what one client may hold of the host's connections, and how long a body may take
 * @param rates        how often one user or client address may send, start, sign in, or present a refused token
 * @param conversations how large a group may grow, and how long a message may be edited or deleted
 */
public record HostConfig(Mode mode, String host, int port, Optional<URI> frontendUrl, Duration preflightMaxAge,
        Optional<byte[]> cursorSecret,
        Optional<CognitoSettings> cognito, OptionalInt metricsPort, EventStreamLimits eventStreams,
        ConnectionLimits connections, RateLimits rates, ConversationLimits conversations) {
    public static final int DEFAULT_PORT = 4567;
    public static final String LOOPBACK = "127.0.0.1";
    public static final String EVERY_INTERFACE = "0.0.0.0";
    public static final Duration DEFAULT_PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

    /** The deployments the executable knows. */
    public enum Mode {
        EMBEDDED,
        MEMORY,
        AWS;

        /** Whether the host issues its own tokens and offers the dev login. */
        public boolean issuesOwnTokens() {
            return this != AWS;
        }

        /** Where this mode listens unless told: loopback where anyone reaching it could sign in as anyone. */
        public String defaultHost() {
            return issuesOwnTokens() ? LOOPBACK : EVERY_INTERFACE;
        }
    }

    public HostConfig {
        Objects.requireNonNull(mode, "mode");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an address, such as 127.0.0.1 or 0.0.0.0");
        }
        Objects.requireNonNull(metricsPort, "metricsPort");
        metricsPort.ifPresent(metrics -> {
            if (metrics < 0 || metrics > 65_535 || metrics != 0 && metrics == port) {
                throw new IllegalArgumentException("--metrics-port must be 0-65535 and not the API's port, was " + metrics);
            }
        });
        Objects.requireNonNull(frontendUrl, "frontendUrl");
        if (preflightMaxAge.isNegative()) {
            throw new IllegalArgumentException("--preflight-max-age-seconds must not be negative");
        }
        Objects.requireNonNull(cognito, "cognito");
        Objects.requireNonNull(eventStreams, "eventStreams");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(conversations, "conversations");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0-65535, was " + port);
        }
        if (cursorSecret.filter(secret -> secret.length < Messaging.MIN_CURSOR_SECRET_BYTES).isPresent()) {
            throw new IllegalArgumentException(
                    "CURSOR_SECRET must decode to at least " + Messaging.MIN_CURSOR_SECRET_BYTES + " bytes");
        }
        if (mode == Mode.AWS && cognito.isEmpty()) {
            throw new IllegalArgumentException(
                    "aws mode needs AWS_COGNITO_USER_POOL_ID and AWS_COGNITO_USER_POOL_CLIENT_ID");
        }
        cursorSecret = cursorSecret.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> cursorSecret() {
        return cursorSecret.map(byte[]::clone);
    }

    /** Reads {@code FRONTEND_URL}, {@code CURSOR_SECRET} and, in AWS mode, the Cognito variables. */
    public static HostConfig from(Mode mode, int port, Map<String, String> environment) {
        Optional<URI> frontend = value(environment, "FRONTEND_URL").map(HostConfig::origin);
        Optional<byte[]> secret = value(environment, "CURSOR_SECRET").map(HostConfig::decodeSecret);
        Optional<CognitoSettings> cognito = mode == Mode.AWS ? Optional.of(CognitoSettings.fromEnvironment(environment))
                : Optional.empty();
        return new HostConfig(mode, mode.defaultHost(), port, frontend, DEFAULT_PREFLIGHT_MAX_AGE, secret, cognito, OptionalInt.empty(),
                EventStreamLimits.DEFAULT, ConnectionLimits.DEFAULT,
                RateLimits.DEFAULT, ConversationLimits.DEFAULT);
    }

    /** This configuration listening on another address. */
    public HostConfig withHost(String address) {
        return new HostConfig(mode, address, port, frontendUrl, preflightMaxAge, cursorSecret, cognito, metricsPort, eventStreams, connections,
                rates, conversations);
    }

    /** This configuration serving {@code GET /metrics} on a port of its own (0: any free port). */
    public HostConfig withMetricsPort(int metrics) {
        return new HostConfig(mode, host, port, frontendUrl, preflightMaxAge, cursorSecret, cognito, OptionalInt.of(metrics), eventStreams,
                connections, rates, conversations);
    }

    /** This configuration with other limits on live event streams. */
    public HostConfig withEventStreams(EventStreamLimits limits) {
        return new HostConfig(mode, host, port, frontendUrl, preflightMaxAge, cursorSecret, cognito, metricsPort, limits, connections,
                rates, conversations);
    }

    /** This configuration with other limits on what one client's connections may hold. */
    public HostConfig withConnections(ConnectionLimits limits) {
        return new HostConfig(mode, host, port, frontendUrl, preflightMaxAge, cursorSecret, cognito, metricsPort, eventStreams, limits,
                rates, conversations);
    }

    /** This configuration letting browsers reuse a preflight's answer for {@code maxAge}. */
    public HostConfig withPreflightMaxAge(Duration maxAge) {
        return new HostConfig(mode, host, port, frontendUrl, maxAge, cursorSecret, cognito, metricsPort, eventStreams,
                connections, rates, conversations);
    }

    /** This configuration letting groups have at most {@code members} members. */
    public HostConfig withMaxGroupMembers(int members) {
        return withConversations(new ConversationLimits(members, conversations.editWindow()));
    }

    /** This configuration letting senders edit or delete a message for {@code window} after sending it. */
    public HostConfig withEditWindow(Duration window) {
        return withConversations(new ConversationLimits(conversations.maxGroupMembers(), window));
    }

    private HostConfig withConversations(ConversationLimits limits) {
        return new HostConfig(mode, host, port, frontendUrl, preflightMaxAge, cursorSecret, cognito, metricsPort, eventStreams,
                connections, rates, limits);
    }

    /** This configuration with other rate limits. */
    public HostConfig withRates(RateLimits limits) {
        return new HostConfig(mode, host, port, frontendUrl, preflightMaxAge, cursorSecret, cognito, metricsPort, eventStreams, connections,
                limits, conversations);
    }

    /** Whether the API listens only where this machine alone reaches it. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    private static URI origin(String raw) {
        URI uri = URI.create(raw);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("FRONTEND_URL must be an origin such as http://localhost:3000, was '" + raw + "'");
        }
        return uri;
    }

    private static byte[] decodeSecret(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("CURSOR_SECRET must be base64", notBase64);
        }
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
