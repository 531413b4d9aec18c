package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One member's view of a conversation, as their list of conversations shows it: the other member
 * of a pair or the group, the last message's text and time (to the microsecond, as messages'
 * times), and how far the member has read. Every member of a conversation owns one row.
 *
 * @param owner         the member whose list shows this row
 * @param groupId       the conversation
 * @param counterpart   whom the row shows: the other person of a pair, or the group
 * @param lastMessage   the text of the group's last message
 * @param lastMessageAt when that message was stored; unique among the owner's rows
 * @param read          how far the owner has read, and how many messages from others they have not
 */
public record MessageGroupRow(UserId owner, MessageGroupId groupId, Counterpart counterpart, MessageText lastMessage,
        Instant lastMessageAt, ReadState read) {
    /**
     * Requires every component and truncates {@code lastMessageAt} to the microsecond.
     *
     * @param owner         the member whose list shows this row
     * @param groupId       the conversation
     * @param counterpart   whom the row shows
     * @param lastMessage   the text of the group's last message
     * @param lastMessageAt when that message was stored; finer digits than microseconds are dropped
     * @param read          how far the owner has read
     * @throws NullPointerException when a component is null
     */
    public MessageGroupRow {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(counterpart, "counterpart");
        Objects.requireNonNull(lastMessage, "lastMessage");
        lastMessageAt = Objects.requireNonNull(lastMessageAt, "lastMessageAt").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(read, "read");
    }

    /**
     * A row of a pair conversation.
     *
     * @param owner         the member whose list shows this row
     * @param groupId       the conversation
     * @param otherMember   the other member, whom the row shows
     * @param lastMessage   the text of the group's last message
     * @param lastMessageAt when that message was stored
     * @param read          how far the owner has read
     */
    public MessageGroupRow(UserId owner, MessageGroupId groupId, User otherMember, MessageText lastMessage,
            Instant lastMessageAt, ReadState read) {
        this(owner, groupId, new Counterpart.Person(otherMember), lastMessage, lastMessageAt, read);
    }

    /**
     * {@return this row showing another message, read as far as before}
     *
     * @param text the message's text
     * @param at   the message's time
     */
    public MessageGroupRow advancedTo(MessageText text, Instant at) {
        return new MessageGroupRow(owner, groupId, counterpart, text, at, read);
    }

    /**
     * {@return this row with another read state}
     *
     * @param state how far the owner has read now
     */
    public MessageGroupRow withRead(ReadState state) {
        return new MessageGroupRow(owner, groupId, counterpart, lastMessage, lastMessageAt, state);
    }

    /**
     * {@return whether {@code rows} are every member's row of their group: as many as the members
     * each row counts} An eventually consistent read may return fewer.
     *
     * @param rows rows of one group
     */
    public static boolean wholeGroup(List<MessageGroupRow> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(row -> row.counterpart().members() == rows.size());
    }
}
