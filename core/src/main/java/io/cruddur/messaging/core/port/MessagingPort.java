package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where messages and group rows are stored. Implementations keep these rules (the contract tests
 * in core's test-jar check every one):
 * <ul>
 *   <li>a message's time is unique within its group and a group row's time is unique within its
 *       owner's rows: a write that meets an equal time stores at the next free microsecond, so
 *       nothing is overwritten;</li>
 *   <li>a message id is stored once per sender, whatever the group (the id is the sender's
 *       idempotency key: another sender's message may carry the same id, so no one learns of,
 *       or blocks, an id they did not use);</li>
 *   <li>a pair of users has at most one group, however many start it at once;</li>
 *   <li>multi-item writes are atomic.</li>
 * </ul>
 * Failures of the storage itself surface as a {@code MessagingException} with
 * {@code storage_unavailable} or {@code storage_throttled}; nothing else escapes.
 */
public interface MessagingPort {

    /**
     * Stores a message, unless its sender already stored one with this id, in which case the
     * stored one comes back.
     */
    AppendOutcome appendMessage(Message message);

    /** The message of a group stored at that time with that id, if there is one. */
    Optional<Message> findMessage(MessageGroupId group, Instant createdAt, MessageId id);

    /** A group's messages from the query's position in its direction; an unknown group is empty. */
    Slice<Message> messages(MessageGroupId group, SliceQuery query);

    /** A user's group rows from the query's position in its direction. */
    Slice<MessageGroupRow> groupRows(UserId owner, SliceQuery query);

    /** Every member's row of a group; empty when the group does not exist. Its owners are the members. */
    List<MessageGroupRow> rowsOfGroup(MessageGroupId group);

    /**
     * Creates a group for a pair with both members' rows and its first message, all or nothing,
     * unless the pair already has a group or the sender already used the message id; then
     * nothing is written. When both hold, the answer is {@link StartOutcome.PairExists}: the
     * caller then appends to that group, where the taken id is found as for any send.
     */
    StartOutcome startConversation(NewConversation conversation);

    /** The most rows {@link #advanceGroupRows} moves in one atomic write, whatever the storage. */
    int MAX_ROWS_PER_ADVANCE = 50;

    /**
     * Moves rows of one group to a newer message, all of them or none: only if every row is still
     * exactly as given (same time); {@link RowsAdvance.Outdated} when another writer moved one
     * first, and then nothing changed. At most {@link #MAX_ROWS_PER_ADVANCE} rows.
     */
    RowsAdvance advanceGroupRows(List<MessageGroupRow> current, MessageText lastMessage, Instant lastMessageAt);
}
