package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One member's view of a conversation, as their list of conversations shows it: the other member,
 * the last message's text and time (to the microsecond, as messages' times). Every member of a group owns one row.
 */
public record MessageGroupRow(
        UserId owner, MessageGroupId groupId, User otherMember, MessageText lastMessage, Instant lastMessageAt) {
    public MessageGroupRow {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(otherMember, "otherMember");
        Objects.requireNonNull(lastMessage, "lastMessage");
        lastMessageAt = Objects.requireNonNull(lastMessageAt, "lastMessageAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** This row moved to a newer message. */
    public MessageGroupRow advancedTo(MessageText text, Instant at) {
        return new MessageGroupRow(owner, groupId, otherMember, text, at);
    }
}
