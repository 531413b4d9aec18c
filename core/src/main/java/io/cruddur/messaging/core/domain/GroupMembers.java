package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who belongs to a group conversation, as stored with it: its members in the order they joined,
 * and its title. The version counts the changes, so that a change can require that nobody
 * changed the members since they were read. A pair conversation has none of this: its two
 * members never change.
 *
 * @param group   the group conversation
 * @param title   its title, if it was given one
 * @param members its members in the order they joined; empty once everyone has left
 * @param version 1 when the group starts, one more with each change
 */
public record GroupMembers(MessageGroupId group, Optional<GroupTitle> title, List<User> members, long version) {
    /**
     * Requires every component, distinct members and a positive version.
     *
     * @param group   the group conversation
     * @param title   its title, if any
     * @param members its members, each once
     * @param version at least 1
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when a member appears twice or the version is below 1
     */
    public GroupMembers {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(title, "title");
        members = List.copyOf(members);
        Set<UserId> seen = new HashSet<>();
        if (!members.stream().allMatch(member -> seen.add(member.id()))) {
            throw new IllegalArgumentException("a member appears twice in group " + group);
        }
        if (version < 1) {
            throw new IllegalArgumentException("a group's members start at version 1, was " + version);
        }
    }

    /**
     * {@return the members of a group just started}
     *
     * @param group   the new group
     * @param title   its title, if any
     * @param members its members, the starter first
     */
    public static GroupMembers started(MessageGroupId group, Optional<GroupTitle> title, List<User> members) {
        return new GroupMembers(group, title, members, 1);
    }

    /** {@return the members' ids} */
    public Set<UserId> ids() {
        return members.stream().map(User::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * {@return whether this user is a member}
     *
     * @param user the user's id
     */
    public boolean includes(UserId user) {
        return members.stream().anyMatch(member -> member.id().equals(user));
    }

    /**
     * {@return the members after {@code joining} join, after those already here; the next version}
     *
     * @param joining the people who join; members among them are passed over
     */
    public GroupMembers with(List<User> joining) {
        Map<UserId, User> after = new LinkedHashMap<>();
        members.forEach(member -> after.put(member.id(), member));
        joining.forEach(user -> after.putIfAbsent(user.id(), user));
        return new GroupMembers(group, title, List.copyOf(after.values()), version + 1);
    }

    /**
     * {@return the members after {@code leaving} left; the next version}
     *
     * @param leaving the member who leaves
     */
    public GroupMembers without(UserId leaving) {
        return new GroupMembers(group, title, members.stream().filter(member -> !member.id().equals(leaving)).toList(),
                version + 1);
    }

    /**
     * {@return a member's row of this group as its members now are, at a message}
     *
     * @param owner         the member whose row it is
     * @param lastMessage   the text of the message the row shows
     * @param lastMessageAt that message's time
     * @param read          how far the member has read
     * @throws IllegalArgumentException when {@code owner} is not a member
     */
    public MessageGroupRow rowOf(UserId owner, MessageText lastMessage, Instant lastMessageAt, ReadState read) {
        if (!includes(owner)) {
            throw new IllegalArgumentException("no member " + owner + " in group " + group);
        }
        return new MessageGroupRow(owner, group, Counterpart.Group.seenBy(title, owner, members), lastMessage,
                lastMessageAt, read);
    }
}
