package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a group as read, and as it is to be: moved on to a newer message, or rewritten at its
 * own time (another text for the same message, another read state).
 *
 * @param before the row as read
 * @param after  the row as it is to be: the same owner and group, at the same time or later
 */
public record RowChange(MessageGroupRow before, MessageGroupRow after) {
    /**
     * Requires both rows, of one owner and group, and {@code after} no earlier than {@code before}.
     *
     * @param before the row as read
     * @param after  the row as it is to be
     * @throws NullPointerException     when a row is null
     * @throws IllegalArgumentException when the rows are of different owners or groups, or
     *                                  {@code after} is earlier (rows never move back)
     */
    public RowChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.owner().equals(after.owner()) || !before.groupId().equals(after.groupId())) {
            throw new IllegalArgumentException("a row changes within its owner's and its group's");
        }
        if (after.lastMessageAt().isBefore(before.lastMessageAt())) {
            throw new IllegalArgumentException("a row never moves back in time");
        }
    }

    /** {@return whether the row stays at its time, rewritten in place} */
    public boolean inPlace() {
        return after.lastMessageAt().equals(before.lastMessageAt());
    }

    /**
     * {@return the changes, once they are known to fit one {@link MessagingPort#replaceGroupRows}}:
     * at least one, at most {@link MessagingPort#MAX_ROWS_PER_ADVANCE}, all of one group, each owner once
     *
     * @param changes the changes an adapter was given
     * @throws IllegalArgumentException when they do not fit
     */
    public static List<RowChange> ofOneWrite(List<RowChange> changes) {
        if (changes.isEmpty() || changes.size() > MessagingPort.MAX_ROWS_PER_ADVANCE) {
            throw new IllegalArgumentException("one write changes 1 to " + MessagingPort.MAX_ROWS_PER_ADVANCE
                    + " rows, not " + changes.size());
        }
        Set<UserId> owners = new HashSet<>();
        for (RowChange change : changes) {
            if (!change.before().groupId().equals(changes.get(0).before().groupId())
                    || !owners.add(change.before().owner())) {
                throw new IllegalArgumentException("one write changes rows of one group, each owner's once");
            }
        }
        return List.copyOf(changes);
    }
}
