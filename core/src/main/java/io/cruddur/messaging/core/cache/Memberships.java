package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.MessagingPort;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who belongs to which group. A group's members never change once it exists, so a found group
 * can be remembered safely; an unknown group is not remembered, as it may be created next.
 */
public final class Memberships {
    private final MessagingPort messages;
    private final Cache<MessageGroupId, Set<UserId>> members;

    /**
     * Memberships read from storage's group rows; public for the facade, which shares one among its use cases.
     *
     * @param messages where a group's rows, and so its members, are read
     * @param settings the bounds of the cache
     */
    public Memberships(MessagingPort messages, CacheSettings settings) {
        this.messages = messages;
        this.members = settings.newCache();
    }

    /**
     * {@return the members of a group, or empty when no such group exists}
     *
     * @param group the group
     */
    public Optional<Set<UserId>> of(MessageGroupId group) {
        Set<UserId> hit = members.getIfPresent(group);
        if (hit != null) {
            return Optional.of(hit);
        }
        List<MessageGroupRow> rows = messages.rowsOfGroup(group);
        Set<UserId> found = rows.stream()
                .map(MessageGroupRow::owner)
                .collect(Collectors.toUnmodifiableSet());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // a read that lagged behind the group's creation is used, never kept
        if (MessageGroupRow.wholeGroup(rows)) {
            members.put(group, found);
        }
        return Optional.of(found);
    }

    /**
     * Records the members of a group this process has just created, so nobody needs to look them up.
     *
     * @param group        the new group
     * @param groupMembers its members
     */
    public void remember(MessageGroupId group, Set<UserId> groupMembers) {
        members.put(group, Set.copyOf(groupMembers));
    }
}
