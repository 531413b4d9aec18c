package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a group; {@code createdAt} has microsecond precision (finer digits are dropped, as
 * storage keeps no more) and is unique within its group. Its sender may edit it, which keeps its
 * id and time, or delete it, which leaves a tombstone in its place: the conversation keeps its
 * shape, and the text is gone.
 *
 * @param id        the message's uuid, chosen by the client or the service
 * @param groupId   the group it belongs to
 * @param sender    who wrote it, as other users see them
 * @param text      what it says; {@link #DELETED_TEXT} once it is deleted
 * @param createdAt when it was stored, to the microsecond
 * @param editedAt  when its text was last changed, if ever
 * @param deletedAt when it was deleted, if it was
 */
public record Message(MessageId id, MessageGroupId groupId, User sender, MessageText text, Instant createdAt,
        Optional<Instant> editedAt, Optional<Instant> deletedAt) {
    /** What a deleted message shows in place of its text, as the conversation lists show it. */
    public static final MessageText DELETED_TEXT = new MessageText("This message was deleted");

    /**
     * Requires every component and truncates the times to the microsecond; a deleted message's
     * text is {@link #DELETED_TEXT}, whatever is given.
     *
     * @param id        the message's uuid
     * @param groupId   the group it belongs to
     * @param sender    who wrote it
     * @param text      what it says
     * @param createdAt when it was stored; finer digits than microseconds are dropped
     * @param editedAt  when it was last edited, if ever
     * @param deletedAt when it was deleted, if it was
     * @throws NullPointerException when a component is null
     */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        editedAt = Objects.requireNonNull(editedAt, "editedAt").map(Message::micros);
        deletedAt = Objects.requireNonNull(deletedAt, "deletedAt").map(Message::micros);
        if (deletedAt.isPresent()) {
            text = DELETED_TEXT;
        }
    }

    /**
     * A message as it is sent: never edited, not deleted.
     *
     * @param id        the message's uuid
     * @param groupId   the group it belongs to
     * @param sender    who wrote it
     * @param text      what it says
     * @param createdAt when it was stored
     */
    public Message(MessageId id, MessageGroupId groupId, User sender, MessageText text, Instant createdAt) {
        this(id, groupId, sender, text, createdAt, Optional.empty(), Optional.empty());
    }

    /** {@return whether its sender deleted it} */
    public boolean deleted() {
        return deletedAt.isPresent();
    }

    /** {@return whether it was edited or deleted since it was sent} */
    public boolean revised() {
        return editedAt.isPresent() || deletedAt.isPresent();
    }

    /**
     * {@return the same message at another time} Storage returns it so when two messages met on one timestamp.
     *
     * @param otherTime the new time, truncated to the microsecond
     */
    public Message at(Instant otherTime) {
        return new Message(id, groupId, sender, text, otherTime, editedAt, deletedAt);
    }

    /**
     * {@return the same message in another group} Starting a conversation sends it there when the
     * pair already has a group.
     *
     * @param otherGroup the group the message goes to instead
     */
    public Message inGroup(MessageGroupId otherGroup) {
        return new Message(id, otherGroup, sender, text, createdAt, editedAt, deletedAt);
    }

    /**
     * {@return the message with a new text, edited at {@code when}}
     *
     * @param newText the new text
     * @param when    when it was edited
     */
    public Message editedTo(MessageText newText, Instant when) {
        return new Message(id, groupId, sender, newText, createdAt, Optional.of(when), deletedAt);
    }

    /**
     * {@return the message's tombstone: deleted at {@code when}, its text gone}
     *
     * @param when when it was deleted
     */
    public Message deletedOn(Instant when) {
        return new Message(id, groupId, sender, DELETED_TEXT, createdAt, editedAt, Optional.of(when));
    }

    /**
     * {@return whether this is {@code original} edited or deleted in place: the same id, group,
     * sender and time, and revised}
     *
     * @param original the message as it read before
     */
    public boolean isRevisionOf(Message original) {
        return revised() && id.equals(original.id) && groupId.equals(original.groupId)
                && sender.id().equals(original.sender.id()) && createdAt.equals(original.createdAt);
    }

    private static Instant micros(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
