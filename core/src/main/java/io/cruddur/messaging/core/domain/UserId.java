package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's uuid in the user directory (the reference's {@code users.uuid}).
 *
 * @param value the uuid
 */
public record UserId(UUID value) {
    /**
     * Requires the uuid.
     *
     * @param value the uuid
     * @throws NullPointerException when it is null
     */
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /** {@return the uuid in canonical form} */
    @Override
    public String toString() {
        return value.toString();
    }
}
