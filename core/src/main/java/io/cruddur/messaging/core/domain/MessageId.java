package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The uuid of one message. A client may choose it (as an idempotency key): sending twice with
 * the same id stores one message.
 *
 * @param value the uuid
 */
public record MessageId(UUID value) {
    /**
     * Requires the uuid.
     *
     * @param value the uuid
     * @throws NullPointerException when it is null
     */
    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses client input: {@code message_uuid_invalid} when blank or malformed.
     *
     * @param raw the uuid as the client sent it, in canonical form (any case, surrounding space ignored)
     * @return the message id
     * @throws MessagingException {@code message_uuid_invalid} when {@code raw} is null, blank or no
     *         canonical uuid
     */
    public static MessageId parse(String raw) {
        return new MessageId(Uuids.parse(raw, ErrorCode.MESSAGE_UUID_INVALID, ErrorCode.MESSAGE_UUID_INVALID));
    }

    /** {@return the uuid in canonical form} */
    @Override
    public String toString() {
        return value.toString();
    }
}
