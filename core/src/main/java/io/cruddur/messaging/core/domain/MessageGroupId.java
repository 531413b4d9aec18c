package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The uuid of a conversation (the reference's {@code message_group_uuid}).
 *
 * @param value the uuid
 */
public record MessageGroupId(UUID value) {
    /**
     * Requires the uuid.
     *
     * @param value the uuid
     * @throws NullPointerException when it is null
     */
    public MessageGroupId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses client input: {@code message_group_uuid_blank} or {@code message_group_uuid_invalid} when refused.
     *
     * @param raw the uuid as the client sent it, in canonical form (any case, surrounding space
     *            ignored); null when absent
     * @return the group id
     * @throws MessagingException {@code message_group_uuid_blank} when {@code raw} is null or blank,
     *         {@code message_group_uuid_invalid} when it is no canonical uuid
     */
    public static MessageGroupId parse(String raw) {
        return new MessageGroupId(
                Uuids.parse(raw, ErrorCode.MESSAGE_GROUP_UUID_BLANK, ErrorCode.MESSAGE_GROUP_UUID_INVALID));
    }

    /** {@return the uuid in canonical form} */
    @Override
    public String toString() {
        return value.toString();
    }
}
