package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.UserId;
import java.util.Objects;

/**
 * Two users in a canonical order, so that (a, b) and (b, a) are the same pair.
 *
 * @param first  the user whose uuid, as a string, sorts first
 * @param second the other user
 */
public record UserPair(UserId first, UserId second) {
    /**
     * Requires two different users already in order; {@link #of} puts them in order.
     *
     * @param first  the user whose uuid, as a string, sorts first
     * @param second the other user
     * @throws NullPointerException     when a user is null
     * @throws IllegalArgumentException when the two are one user or out of order
     */
    public UserPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.value().toString().compareTo(second.value().toString()) >= 0) {
            throw new IllegalArgumentException("a pair holds two different users in order; use UserPair.of");
        }
    }

    /**
     * {@return the pair of two users, in whichever order they are given}
     *
     * @param a one user
     * @param b the other user, not {@code a}
     * @throws IllegalArgumentException when the two are one user
     */
    public static UserPair of(UserId a, UserId b) {
        return a.value().toString().compareTo(b.value().toString()) < 0 ? new UserPair(a, b) : new UserPair(b, a);
    }
}
