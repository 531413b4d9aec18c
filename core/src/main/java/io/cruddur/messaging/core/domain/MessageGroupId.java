package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.UUID;

/** The uuid of a conversation (the reference's {@code message_group_uuid}). */
public record MessageGroupId(UUID value) {
    public MessageGroupId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses client input: {@code message_group_uuid_blank} or {@code message_group_uuid_invalid} when refused. */
    public static MessageGroupId parse(String raw) {
        return new MessageGroupId(
                Uuids.parse(raw, ErrorCode.MESSAGE_GROUP_UUID_BLANK, ErrorCode.MESSAGE_GROUP_UUID_INVALID));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
