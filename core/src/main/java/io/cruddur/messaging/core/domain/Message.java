package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One message of a group; {@code createdAt} has microsecond precision (finer digits are dropped, as
 * storage keeps no more) and is unique within its group.
 *
 * @param id        the message's uuid, chosen by the client or the service
 * @param groupId   the group it belongs to
 * @param sender    who wrote it, as other users see them
 * @param text      what it says
 * @param createdAt when it was stored, to the microsecond
 */
public record Message(MessageId id, MessageGroupId groupId, User sender, MessageText text, Instant createdAt) {
    /**
     * Requires every component and truncates {@code createdAt} to the microsecond.
     *
     * @param id        the message's uuid
     * @param groupId   the group it belongs to
     * @param sender    who wrote it
     * @param text      what it says
     * @param createdAt when it was stored; finer digits than microseconds are dropped
     * @throws NullPointerException when a component is null
     */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * {@return the same message at another time} Storage returns it so when two messages met on one timestamp.
     *
     * @param otherTime the new time, truncated to the microsecond
     */
    public Message at(Instant otherTime) {
        return new Message(id, groupId, sender, text, otherTime);
    }

    /**
     * {@return the same message in another group} Starting a conversation sends it there when the
     * pair already has a group.
     *
     * @param otherGroup the group the message goes to instead
     */
    public Message inGroup(MessageGroupId otherGroup) {
        return new Message(id, otherGroup, sender, text, createdAt);
    }
}
