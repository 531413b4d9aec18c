package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where messages and group rows are stored. Implementations keep these rules (the contract tests
 * in core's test-jar check every one):
 * <ul>
 *   <li>a message's time is later than that of every message of its group stored before it: a
 *       message that asks for an earlier or equal time is stored a microsecond after the group's
 *       latest, so a group's messages are stored in the order of their times, and whoever reads up
 *       to a message has seen every message before it;</li>
 *   <li>a group row's time is unique within its owner's rows: a write that meets an equal time
 *       stores at the next free microsecond, so nothing is overwritten;</li>
 *   <li>a message id is stored once per sender, whatever the group (the id is the sender's
 *       idempotency key: another sender's message may carry the same id, so no one learns of,
 *       or blocks, an id they did not use);</li>
 *   <li>a pair of users has at most one pair conversation, however many start it at once (group
 *       conversations of the same people may be several);</li>
 *   <li>a group conversation's members are read consistently: what the last change wrote, never
 *       older (a pair's members never change);</li>
 *   <li>multi-item writes are atomic.</li>
 * </ul>
 * Failures of the storage itself surface as a {@code MessagingException} with
 * {@code storage_unavailable} or {@code storage_throttled}; nothing else escapes.
 */
public interface MessagingPort {

    /**
     * Stores a message, unless its sender already stored one with this id, in which case the
     * stored one comes back.
     *
     * @param message the message to store
     * @return {@link AppendOutcome.Appended} with the message as stored (perhaps a microsecond or
     *         more later), or {@link AppendOutcome.AlreadyStored} with the sender's earlier message
     */
    AppendOutcome appendMessage(Message message);

    /**
     * {@return the message of a group stored at that time with that id, if there is one}
     *
     * @param group     the message's group
     * @param createdAt the message's time as stored
     * @param id        the message's id
     */
    Optional<Message> findMessage(MessageGroupId group, Instant createdAt, MessageId id);

    /**
     * {@return the message a sender stored with this id, in whichever group, as it reads now (edited, or a tombstone)}
     *
     * @param sender the sender, whose id the message id is
     * @param id     the message id
     */
    Optional<Message> sentMessage(UserId sender, MessageId id);

    /**
     * {@return which of {@code candidates} stored a message with this id in this group} Each
     * sender's ids are their own, so several may have used the same one.
     *
     * @param group      the group
     * @param id         the message id
     * @param candidates the senders to look at, at most {@link #MAX_ROWS_PER_ADVANCE}
     * @throws IllegalArgumentException when given more candidates
     */
    Set<UserId> sendersOf(MessageGroupId group, MessageId id, Set<UserId> candidates);

    /**
     * Replaces a message's text, or leaves its tombstone, in place: same group, id, sender and
     * time. Only if the message is still exactly {@code current}; {@link RevisionOutcome.Outdated}
     * otherwise, and then nothing changed. The storage tells of the revised message as it tells of
     * new ones, so that group rows showing it follow.
     *
     * @param current the message as read
     * @param revised the message as it is to read: edited, or deleted
     * @return {@link RevisionOutcome.Revised} with the message as stored, or {@link RevisionOutcome.Outdated}
     * @throws IllegalArgumentException when {@code revised} is not {@code current} edited or deleted
     */
    RevisionOutcome reviseMessage(Message current, Message revised);

    /**
     * {@return a group's messages from the query's position in its direction; an unknown group is empty}
     *
     * @param group the group
     * @param query where to start, which way and how many
     */
    Slice<Message> messages(MessageGroupId group, SliceQuery query);

    /**
     * {@return a user's group rows from the query's position in its direction, ordered by their last message's time}
     *
     * @param owner the user whose rows to read
     * @param query where to start, which way and how many
     */
    Slice<MessageGroupRow> groupRows(UserId owner, SliceQuery query);

    /**
     * {@return every member's row of a group; empty when the group does not exist} Its owners are the members.
     *
     * @param group the group
     */
    List<MessageGroupRow> rowsOfGroup(MessageGroupId group);

    /**
     * Creates a group with every member's row and its first message (and, for a group
     * conversation, its {@link GroupMembers}), all or nothing, unless the
     * sender already used the message id or, for a pair, the pair already has a group; then
     * nothing is written. When both hold, the answer is {@link StartOutcome.PairExists}: the
     * caller then appends to that group, where the taken id is found as for any send. A group
     * conversation (several people, or a title) never meets an existing one: the same people may
     * have several.
     *
     * @param conversation the members, a group's title, and the first message, whose group id
     *                     names the new group
     * @return {@link StartOutcome.Started}, {@link StartOutcome.PairExists} or
     *         {@link StartOutcome.MessageIdTaken}
     */
    StartOutcome startConversation(NewConversation conversation);

    /**
     * The most rows {@link #replaceGroupRows} writes at once, the most
     * senders {@link #sendersOf} looks at, and the most people one {@link MembershipChange} takes in.
     */
    int MAX_ROWS_PER_ADVANCE = 50;

    /**
     * {@return a group conversation's members, as the last change left them; empty for a pair
     * conversation or an unknown group}
     *
     * @param group the group
     */
    Optional<GroupMembers> groupMembers(MessageGroupId group);

    /**
     * Changes a group conversation's members and every row with them, all or nothing: only if the
     * members are still {@link MembershipChange#before()} (same version) and every row is still
     * exactly as read; {@link MembershipOutcome.Outdated} otherwise, and then nothing changed.
     * Staying members' rows keep their time, leaving members' rows go, joining members' rows are
     * stored at the group's latest message (or the next free microsecond of their owner's rows).
     *
     * @param change the members as read, as wanted, and every member's row as read
     * @return {@link MembershipOutcome.Changed} with the members and rows as stored, or
     *         {@link MembershipOutcome.Outdated}
     */
    MembershipOutcome changeMembers(MembershipChange change);

    /**
     * Writes new versions of rows of one group, all of them or none, each only if it is still
     * exactly as read (its time, text, the members it shows, its read state);
     * {@link RowsAdvance.Outdated} when another writer moved or rewrote one first, and then nothing
     * changed. A row whose time stays is rewritten in place; a row moved to a later time goes
     * there, or to the next free microsecond of its owner's rows. At most
     * {@link #MAX_ROWS_PER_ADVANCE} rows.
     *
     * @param changes the rows as read and as they are to be, all of one group, each owner once
     * @return {@link RowsAdvance.Advanced} with the rows as stored, or {@link RowsAdvance.Outdated}
     * @throws IllegalArgumentException when given no rows, more than {@link #MAX_ROWS_PER_ADVANCE},
     *         rows of several groups or an owner twice; nothing is written then
     */
    RowsAdvance replaceGroupRows(List<RowChange> changes);
}
