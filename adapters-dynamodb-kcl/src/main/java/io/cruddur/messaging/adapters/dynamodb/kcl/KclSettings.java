package io.cruddur.messaging.adapters.dynamodb.kcl;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a fleet's stream workers share the table's stream through the Kinesis Client Library.
 *
 * @param applicationName the KCL application: its lease table, and {@code {name}-CoordinatorState}
 *                        and {@code {name}-WorkerMetricStats}; every worker of one fleet uses the same
 * @param workerId        this worker among them; keep it across restarts (a restarted worker with the
 *                        same id takes its leases back at once, a new id waits for them to expire)
 * @param failover        how long a lease may go unrenewed before another worker takes it
 *                        ({@code STREAM_WORKER_FAILOVER_MS}, default 10 s, the KCL's); it also paces
 *                        lease assignment and worker liveness reports
 * @param idleBetweenReads how long a shard's reader waits after an empty read
 *                        ({@code STREAM_WORKER_IDLE_MS}, default 250 ms, about as often as Lambda polls)
 */
public record KclSettings(String applicationName, String workerId, Duration failover, Duration idleBetweenReads) {
    /** How long a lease may go unrenewed, unless configured: 10 s, the KCL's own default. */
    public static final Duration DEFAULT_FAILOVER = Duration.ofSeconds(10);
    /** The pause after an empty read, unless configured: 250 ms, about as often as Lambda polls. */
    public static final Duration DEFAULT_IDLE = Duration.ofMillis(250);

    /**
     * Checks the settings.
     *
     * @param applicationName  the KCL application
     * @param workerId         this worker's id
     * @param failover         the time before an unrenewed lease moves; at least 1 s
     * @param idleBetweenReads the pause after an empty read; positive
     * @throws IllegalArgumentException when {@code failover} is under 1 s or
     *                                  {@code idleBetweenReads} is not positive
     */
    public KclSettings {
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(workerId, "workerId");
        if (failover.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("STREAM_WORKER_FAILOVER_MS must be at least 1000, was " + failover.toMillis());
        }
        if (idleBetweenReads.isNegative() || idleBetweenReads.isZero()) {
            throw new IllegalArgumentException("STREAM_WORKER_IDLE_MS must be positive, was " + idleBetweenReads.toMillis());
        }
    }

    /**
     * The workers of the message table {@code table}: application {@code {table}-stream-workers}.
     *
     * @param environment the variables, typically {@code System.getenv()}: {@code STREAM_WORKER_ID},
     *                    {@code STREAM_WORKER_FAILOVER_MS} and {@code STREAM_WORKER_IDLE_MS}, each
     *                    optional (blank counts as unset)
     * @param table       the message table's name
     * @param workerId    this worker's id when {@code STREAM_WORKER_ID} is unset; best stable across
     *                    restarts
     * @return the settings, with the defaults for what is unset
     * @throws IllegalArgumentException when a duration is not a whole number of milliseconds, or is
     *                                  out of range
     */
    public static KclSettings fromEnvironment(Map<String, String> environment, String table, String workerId) {
        return new KclSettings(table + "-stream-workers",
                value(environment, "STREAM_WORKER_ID").orElse(workerId),
                millis(environment, "STREAM_WORKER_FAILOVER_MS").orElse(DEFAULT_FAILOVER),
                millis(environment, "STREAM_WORKER_IDLE_MS").orElse(DEFAULT_IDLE));
    }

    private static Optional<Duration> millis(Map<String, String> environment, String name) {
        return value(environment, name).map(raw -> {
            try {
                return Duration.ofMillis(Long.parseLong(raw));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(name + " must be a number of milliseconds, was '" + raw + "'",
                        notANumber);
            }
        });
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
