package io.cruddur.messaging.app.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of the host's connections, so that slow or many connections from a few
 * clients leave room for everyone else.
 *
 * @param bodyDeadline how long a request body may take to arrive in full ({@code --body-deadline-seconds});
 *                     later, the request is answered 408 {@code body_too_slow}
 * @param perAddress   connections one client address may hold open ({@code --connections-per-address});
 *                     0 for no limit
 * @param total        connections the host holds open ({@code --connections-max}); beyond it the
 *                     host stops accepting until one closes
 * @param behindProxy  every connection comes from a proxy ({@code --behind-proxy}): the client's
 *                     address is the one the proxy puts in {@code X-Forwarded-For} (it must
 *                     replace any value the client sent), and {@code perAddress} does not apply
 */
public record ConnectionLimits(Duration bodyDeadline, int perAddress, int total, boolean behindProxy) {
    public static final int DEFAULT_BODY_DEADLINE_SECONDS = 10;
    public static final int DEFAULT_PER_ADDRESS = 100;
    public static final int DEFAULT_TOTAL = 4_000;
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(
            Duration.ofSeconds(DEFAULT_BODY_DEADLINE_SECONDS), DEFAULT_PER_ADDRESS, DEFAULT_TOTAL, false);

    public ConnectionLimits {
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        if (bodyDeadline.isNegative() || bodyDeadline.isZero()) {
            throw new IllegalArgumentException("--body-deadline-seconds must be 1 or more, was " + bodyDeadline.toSeconds());
        }
        if (perAddress < 0) {
            throw new IllegalArgumentException("--connections-per-address must be 0 (no limit) or more, was " + perAddress);
        }
        if (total < 1 || perAddress > total) {
            throw new IllegalArgumentException("--connections-max must be 1 or more and at least --connections-per-address,"
                    + " was " + total);
        }
    }
}
