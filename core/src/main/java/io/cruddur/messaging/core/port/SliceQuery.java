package io.cruddur.messaging.core.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A range read: up to {@code limit} items in {@code direction}, starting after {@code from}
 * (exclusive) or at the newest/oldest end when {@code from} is empty.
 *
 * @param direction which way to read
 * @param from      the time to read past, exclusive; empty to start at the end the direction starts from
 * @param limit     the most items to read, at least 1
 */
public record SliceQuery(Direction direction, Optional<Instant> from, int limit) {

    /** Which way a range read goes. */
    public enum Direction {
        /** From the newest item back, to older ones. */
        NEWEST_FIRST,
        /** From the oldest item on, to newer ones. */
        OLDEST_FIRST
    }

    /**
     * Requires a direction and a start, and a positive limit.
     *
     * @param direction which way to read
     * @param from      the time to read past; empty to start at an end
     * @param limit     the most items to read
     * @throws NullPointerException     when {@code direction} or {@code from} is null
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public SliceQuery {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /**
     * {@return a read of the newest items, newest first}
     *
     * @param limit the most items to read
     */
    public static SliceQuery newest(int limit) {
        return new SliceQuery(Direction.NEWEST_FIRST, Optional.empty(), limit);
    }

    /**
     * {@return a read of the items strictly older than {@code from}, newest first}
     *
     * @param from  the time to read back from, exclusive
     * @param limit the most items to read
     */
    public static SliceQuery olderThan(Instant from, int limit) {
        return new SliceQuery(Direction.NEWEST_FIRST, Optional.of(from), limit);
    }

    /**
     * {@return a read of the items strictly newer than {@code from}, oldest first}
     *
     * @param from  the time to read on from, exclusive
     * @param limit the most items to read
     */
    public static SliceQuery newerThan(Instant from, int limit) {
        return new SliceQuery(Direction.OLDEST_FIRST, Optional.of(from), limit);
    }

    /**
     * {@return whether {@code time} lies in this query's range (ignoring the limit)}
     *
     * @param time the time of an item
     */
    public boolean admits(Instant time) {
        return from.map(bound -> direction == Direction.NEWEST_FIRST ? time.isBefore(bound) : time.isAfter(bound))
                .orElse(true);
    }
}
