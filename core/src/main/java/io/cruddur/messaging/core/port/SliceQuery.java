package io.cruddur.messaging.core.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A range read: up to {@code limit} items in {@code direction}, starting after {@code from}
 * (exclusive) or at the newest/oldest end when {@code from} is empty.
 */
public record SliceQuery(Direction direction, Optional<Instant> from, int limit) {

    public enum Direction {
        NEWEST_FIRST,
        OLDEST_FIRST
    }

    public SliceQuery {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static SliceQuery newest(int limit) {
        return new SliceQuery(Direction.NEWEST_FIRST, Optional.empty(), limit);
    }

    public static SliceQuery olderThan(Instant from, int limit) {
        return new SliceQuery(Direction.NEWEST_FIRST, Optional.of(from), limit);
    }

    public static SliceQuery newerThan(Instant from, int limit) {
        return new SliceQuery(Direction.OLDEST_FIRST, Optional.of(from), limit);
    }

    /** Whether {@code time} lies in this query's range (ignoring the limit). */
    public boolean admits(Instant time) {
        return from.map(bound -> direction == Direction.NEWEST_FIRST ? time.isBefore(bound) : time.isAfter(bound))
                .orElse(true);
    }
}
