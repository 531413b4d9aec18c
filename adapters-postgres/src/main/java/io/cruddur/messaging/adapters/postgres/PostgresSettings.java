package io.cruddur.messaging.adapters.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach the user database: a JDBC URL and, when the connection string carried them, a
 * user and password. {@link #fromEnvironment} reads the reference's {@code CONNECTION_URL}, which
 * may be a JDBC URL ({@code jdbc:postgresql://localhost:5432/cruddur?user=postgres}) or a
 * libpq-style URL ({@code postgresql://postgres:password@localhost:5432/cruddur}).
 */
public record PostgresSettings(String jdbcUrl, Optional<String> user, Optional<String> password, int maxPoolSize) {
    static final int DEFAULT_POOL_SIZE = 10;
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("([?&][^=&]*password[^=&]*=)[^&]*", Pattern.CASE_INSENSITIVE);

    /**
     * Checks the settings.
     *
     * @param jdbcUrl     the JDBC URL, {@code jdbc:postgresql://host:port/database}, with any query
     *                    parameters
     * @param user        the user, when given apart from the URL
     * @param password    the password, when given apart from the URL
     * @param maxPoolSize the most connections the pool opens; at least 1
     * @throws IllegalArgumentException when {@code maxPoolSize} is less than 1
     */
    public PostgresSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    /**
     * {@return the settings {@code CONNECTION_URL} gives, with a pool of 10 connections}
     *
     * @param environment the variables, typically {@code System.getenv()}
     * @throws IllegalArgumentException when {@code CONNECTION_URL} is unset, blank or not a
     *                                  PostgreSQL URL
     */
    public static PostgresSettings fromEnvironment(Map<String, String> environment) {
        String url = environment.get("CONNECTION_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("CONNECTION_URL is not set; e.g. postgresql://postgres:password@localhost:5432/cruddur");
        }
        return parse(url.strip());
    }

    /**
     * Accepts {@code jdbc:postgresql://…}, {@code postgresql://…} and {@code postgres://…}. A JDBC URL
     * is taken as it is; a libpq-style URL gives its host, port, database and query to the JDBC URL,
     * and its user and password (percent-decoded) to the settings.
     *
     * @param connectionUrl the connection string
     * @return the settings, with a pool of 10 connections
     * @throws IllegalArgumentException when the string is not one of those URLs, or has no host
     */
    public static PostgresSettings parse(String connectionUrl) {
        if (connectionUrl.startsWith("jdbc:postgresql:")) {
            return new PostgresSettings(connectionUrl, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE);
        }
        URI uri;
        try {
            uri = new URI(connectionUrl);
        } catch (URISyntaxException malformed) {
            throw new IllegalArgumentException("CONNECTION_URL is not a URL", malformed);
        }
        if (!("postgresql".equals(uri.getScheme()) || "postgres".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "CONNECTION_URL must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            password = parts.length == 2 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /**
     * {@return these settings with a pool of at most {@code connections}}
     *
     * @param connections the most connections the pool opens; at least 1
     */
    public PostgresSettings withMaxPoolSize(int connections) {
        return new PostgresSettings(jdbcUrl, user, password, connections);
    }

    /**
     * The password is never shown: neither the one given apart nor any query parameter of the URL
     * whose name holds {@code password} ({@code password}, {@code sslpassword}), whose value is
     * masked, so the settings can be logged.
     */
    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***") + ", user="
                + user.orElse("(from URL)") + ", maxPoolSize=" + maxPoolSize + "]";
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
