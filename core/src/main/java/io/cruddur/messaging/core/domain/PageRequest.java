package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.Optional;

/** Which page to read: from the start when there is no cursor, else where the cursor points. */
public record PageRequest(Optional<Cursor> cursor, PageLimit limit) {
    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(limit, "limit");
    }

    public static PageRequest first() {
        return new PageRequest(Optional.empty(), PageLimit.defaultLimit());
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), new PageLimit(limit));
    }

    public static PageRequest at(Cursor cursor, int limit) {
        return new PageRequest(Optional.of(cursor), new PageLimit(limit));
    }
}
