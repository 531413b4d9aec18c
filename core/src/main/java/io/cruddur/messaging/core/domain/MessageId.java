package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The uuid of one message. A client may choose it (as an idempotency key): sending twice with
 * the same id stores one message.
 */
public record MessageId(UUID value) {
    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses client input: {@code message_uuid_invalid} when blank or malformed. */
    public static MessageId parse(String raw) {
        return new MessageId(Uuids.parse(raw, ErrorCode.MESSAGE_UUID_INVALID, ErrorCode.MESSAGE_UUID_INVALID));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
