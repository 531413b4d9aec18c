package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.MessagingPort;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who belongs to which group. A group conversation's members are read from its stored
 * {@link GroupMembers}, which a change of members replaces: whoever changes them calls
 * {@link #forget}, here and (through the news bus) on every other host. A pair's members never
 * change; they are the owners of its rows. An unknown group is not remembered, as it may be
 * created next.
 */
public final class Memberships {
    private final MessagingPort messages;
    private final Cache<MessageGroupId, Membership> members;

    /**
     * Memberships read from storage; public for the facade, which shares one among its use cases.
     *
     * @param messages where a group's members, or a pair's rows, are read
     * @param settings the bounds of the cache
     */
    public Memberships(MessagingPort messages, CacheSettings settings) {
        this.messages = messages;
        this.members = settings.newCache();
    }

    /**
     * {@return the members of a group (none once everyone has left a group conversation), or
     * empty when no such group exists}
     *
     * @param group the group
     */
    public Optional<Set<UserId>> of(MessageGroupId group) {
        return membership(group).map(Membership::ids);
    }

    /**
     * {@return the other member of a pair conversation, seen by one of its members; empty for a
     * group conversation (whatever its size), an unknown group or someone who is not a member}
     *
     * @param group  the group
     * @param member one of its members
     */
    public Optional<UserId> otherInPair(MessageGroupId group, UserId member) {
        return membership(group).filter(read -> read.pair() && read.ids().contains(member))
                .flatMap(read -> read.ids().stream().filter(id -> !id.equals(member)).findFirst());
    }

    private Optional<Membership> membership(MessageGroupId group) {
        AtomicReference<Optional<Membership>> read = new AtomicReference<>(Optional.empty());
        // Loaded inside the cache, so a forget() while the read is under way waits for it and then
        // drops what it read: a change of members is never hidden by a read from before it.
        Membership kept = members.get(group, unknown -> {
            Read found = read(unknown);
            read.set(found.membership());
            return found.keep() ? found.membership().orElse(null) : null;
        });
        return kept != null ? Optional.of(kept) : read.get();
    }

    /**
     * Records the members of a pair conversation this process has just created, so nobody needs to look them up.
     *
     * @param group        the new group
     * @param groupMembers its members
     */
    public void rememberPair(MessageGroupId group, Set<UserId> groupMembers) {
        members.put(group, new Membership(Set.copyOf(groupMembers), true));
    }

    /**
     * Forgets a group's members, whose change this process made or heard of; the next question reads them again.
     *
     * @param group the group whose members changed
     */
    public void forget(MessageGroupId group) {
        members.invalidate(group);
    }

    private Read read(MessageGroupId group) {
        Optional<GroupMembers> stored = messages.groupMembers(group);
        if (stored.isPresent()) {
            return new Read(Optional.of(new Membership(stored.get().ids(), false)), true);
        }
        List<MessageGroupRow> rows = messages.rowsOfGroup(group);
        if (rows.isEmpty()) {
            return new Read(Optional.empty(), false);
        }
        // each row of a pair names both members, its owner and the person it shows, so even a read of
        // the index that lags behind (one row of two) knows them; such a read is used, never kept
        Set<UserId> members = new HashSet<>();
        for (MessageGroupRow row : rows) {
            members.add(row.owner());
            if (row.counterpart() instanceof Counterpart.Person other) {
                members.add(other.user().id());
            }
        }
        return new Read(Optional.of(new Membership(Set.copyOf(members), true)), MessageGroupRow.wholeGroup(rows));
    }

    /** A group's members, and whether it is a pair conversation (whose members never change). */
    private record Membership(Set<UserId> ids, boolean pair) {
    }

    private record Read(Optional<Membership> membership, boolean keep) {
    }
}
