package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.UserId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A change of a group conversation's members, for {@link MessagingPort#changeMembers}: the
 * members as read, the members wanted, and every member's row as read. Every row is rewritten,
 * as each shows how many members the group has: a member who stays keeps their row's time and
 * text, one who leaves loses their row, one who joins gets a row at the group's latest message.
 *
 * @param before     the members as read
 * @param after      the members wanted, the next version of the same group
 * @param rowsBefore every member's row as read, one per member of {@code before}
 */
public record MembershipChange(GroupMembers before, GroupMembers after, List<MessageGroupRow> rowsBefore) {
    /**
     * Requires one group, the next version, the same title, one row per member before and at most
     * {@link MessagingPort#MAX_ROWS_PER_ADVANCE} people before and after together (what one write holds).
     *
     * @param before     the members as read
     * @param after      the members wanted
     * @param rowsBefore every member's row as read
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the rules above are broken
     */
    public MembershipChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        rowsBefore = List.copyOf(rowsBefore);
        if (!before.group().equals(after.group()) || after.version() != before.version() + 1
                || !before.title().equals(after.title())) {
            throw new IllegalArgumentException("a change leads one group's members to their next version");
        }
        Set<UserId> owners = rowsBefore.stream().map(MessageGroupRow::owner).collect(Collectors.toSet());
        if (owners.size() != rowsBefore.size() || !owners.equals(before.ids())
                || rowsBefore.stream().anyMatch(row -> !row.groupId().equals(before.group()))) {
            throw new IllegalArgumentException("a change needs every member's row of the group, once each");
        }
        Set<UserId> everyone = new HashSet<>(before.ids());
        everyone.addAll(after.ids());
        if (everyone.size() > MessagingPort.MAX_ROWS_PER_ADVANCE) {
            throw new IllegalArgumentException("at most " + MessagingPort.MAX_ROWS_PER_ADVANCE
                    + " people take part in one change");
        }
        if (before.members().isEmpty() && !after.members().isEmpty()) {
            throw new IllegalArgumentException("nobody joins a group everyone has left");
        }
    }

    /** {@return the rows of those who leave, as read} */
    public List<MessageGroupRow> leaving() {
        return rowsBefore.stream().filter(row -> !after.includes(row.owner())).toList();
    }

    /** {@return the rows of those who stay, as read} */
    public List<MessageGroupRow> staying() {
        return rowsBefore.stream().filter(row -> after.includes(row.owner())).toList();
    }

    /**
     * {@return a staying member's row as it becomes: the same time, text and read state, showing the members after}
     *
     * @param row the member's row as read
     */
    public MessageGroupRow restated(MessageGroupRow row) {
        return after.rowOf(row.owner(), row.lastMessage(), row.lastMessageAt(), row.read());
    }

    /**
     * {@return the rows of those who join, at the group's latest message, read up to it: the
     * history is theirs to read, but nothing in it is news to count}
     */
    public List<MessageGroupRow> joining() {
        return rowsBefore.stream().max(Comparator.comparing(MessageGroupRow::lastMessageAt))
                .map(latest -> after.members().stream()
                        .filter(member -> !before.includes(member.id()))
                        .map(member -> after.rowOf(member.id(), latest.lastMessage(), latest.lastMessageAt(),
                                ReadState.readUpTo(latest.lastMessageAt())))
                        .toList())
                .orElse(List.of());
    }
}
