package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.UUID;

/** A user's uuid in the user directory (the reference's {@code users.uuid}). */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
