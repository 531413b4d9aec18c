package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page to read: from the start when there is no cursor, else where the cursor points.
 *
 * @param cursor where to read from, as a previous page handed it out; empty for the first page
 * @param limit  how many items the page holds at most
 */
public record PageRequest(Optional<Cursor> cursor, PageLimit limit) {
    /**
     * Requires both components.
     *
     * @param cursor where to read from; empty for the first page
     * @param limit  how many items the page holds at most
     * @throws NullPointerException when a component is null
     */
    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(limit, "limit");
    }

    /** {@return the first page, of the default size} */
    public static PageRequest first() {
        return new PageRequest(Optional.empty(), PageLimit.defaultLimit());
    }

    /**
     * {@return the first page, of the given size}
     *
     * @param limit how many items the page holds at most
     * @throws MessagingException {@code limit_invalid} when {@code limit} is not 1 to {@value PageLimit#MAX}
     */
    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), new PageLimit(limit));
    }

    /**
     * {@return the page a cursor points to, of the given size}
     *
     * @param cursor the cursor a previous page handed out
     * @param limit  how many items the page holds at most
     * @throws MessagingException {@code limit_invalid} when {@code limit} is not 1 to {@value PageLimit#MAX}
     */
    public static PageRequest at(Cursor cursor, int limit) {
        return new PageRequest(Optional.of(cursor), new PageLimit(limit));
    }
}
