package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.UserId;
import java.util.Objects;

/** Two users in a canonical order, so that (a, b) and (b, a) are the same pair. */
public record UserPair(UserId first, UserId second) {
    public UserPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.value().toString().compareTo(second.value().toString()) >= 0) {
            throw new IllegalArgumentException("a pair holds two different users in order; use UserPair.of");
        }
    }

    public static UserPair of(UserId a, UserId b) {
        return a.value().toString().compareTo(b.value().toString()) < 0 ? new UserPair(a, b) : new UserPair(b, a);
    }
}
