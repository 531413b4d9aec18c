package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of a group as its members see them: who, and how far they have read (a read receipt).
 *
 * @param user     the member
 * @param readUpTo the time of the latest message they have read; empty when they have read nothing yet
 */
public record Member(User user, Optional<Instant> readUpTo) {
    /**
     * Requires both components; truncates the position to the microsecond.
     *
     * @param user     the member
     * @param readUpTo how far they have read, if at all
     * @throws NullPointerException when a component is null
     */
    public Member {
        Objects.requireNonNull(user, "user");
        readUpTo = Objects.requireNonNull(readUpTo, "readUpTo").map(at -> at.truncatedTo(ChronoUnit.MICROS));
    }
}
