package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One message of a group; {@code createdAt} has microsecond precision (finer digits are dropped, as
 * storage keeps no more) and is unique within its group.
 */
public record Message(MessageId id, MessageGroupId groupId, User sender, MessageText text, Instant createdAt) {
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** The same message at another time: what storage returns when two messages met on one timestamp. */
    public Message at(Instant otherTime) {
        return new Message(id, groupId, sender, text, otherTime);
    }

    /** The same message in another group: where starting a conversation sends it when the pair already has one. */
    public Message inGroup(MessageGroupId otherGroup) {
        return new Message(id, otherGroup, sender, text, createdAt);
    }
}
