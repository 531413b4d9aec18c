package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.CachingUserDirectory;
import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Member;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.MembersNews;
import io.cruddur.messaging.core.port.MembershipChange;
import io.cruddur.messaging.core.port.MembershipOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewsBus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Who belongs to a group conversation: its members listed, people added by any member, a member
 * leaving. A change rewrites every member's row in one write, conditional on the members and rows
 * as read; when another change or a new message came first, it reads again and tries anew. Once
 * a change is stored, this process forgets the group's members and tells every other host to
 * ({@link MembersNews}), so someone who left is refused at once. A pair's members never change.
 */
public final class ChangeMembers {
    static final int MAX_ATTEMPTS = 16;

    private final MessagingPort messages;
    private final CachingUserDirectory users;
    private final Memberships memberships;
    private final NewsBus news;
    private final int maxMembers;

    ChangeMembers(MessagingPort messages, CachingUserDirectory users, Memberships memberships, NewsBus news,
            int maxMembers) {
        this.messages = messages;
        this.users = users;
        this.memberships = memberships;
        this.news = news;
        this.maxMembers = maxMembers;
    }

    /**
     * {@return a group's members, to one of them, with how far each has read: a group
     * conversation's in the order they joined, a pair's as the caller, then the other}
     *
     * @param caller who asks, a member
     * @param group  the group
     * @throws MessagingException {@code message_group_not_found}, {@code not_a_member}
     */
    public List<Member> members(User caller, MessageGroupId group) {
        Optional<GroupMembers> stored = messages.groupMembers(group);
        List<MessageGroupRow> rows;
        List<User> members;
        if (stored.isPresent()) {
            requireMember(caller, stored.get());
            members = stored.get().members();
            rows = messages.rowsOfGroup(group);
        } else {
            rows = pairRows(caller, group);
            Map<UserId, User> pair = new LinkedHashMap<>();
            pair.put(caller.id(), caller);
            rows.stream().map(MessageGroupRow::counterpart)
                    .filter(Counterpart.Person.class::isInstance)
                    .map(counterpart -> ((Counterpart.Person) counterpart).user())
                    .forEach(user -> pair.putIfAbsent(user.id(), user));
            members = List.copyOf(pair.values());
        }
        Map<UserId, ReadState> reads = new HashMap<>();
        rows.forEach(row -> reads.put(row.owner(), row.read()));
        return members.stream()
                .map(member -> new Member(member, Optional.ofNullable(reads.get(member.id())).flatMap(ReadState::readUpTo)))
                .toList();
    }

    /**
     * Adds people to a group conversation; those who are members already are passed over, and
     * when that is everyone nothing is written.
     *
     * @param command who adds whom to which group
     * @return the members now
     * @throws MessagingException {@code message_group_not_found}, {@code not_a_member},
     *         {@code pair_members_fixed}, {@code handle_not_found}, {@code blocked}, {@code group_too_large}
     */
    public GroupMembers add(AddMembersCommand command) {
        GroupMembers current = groupOf(command.member(), command.group());
        requireMember(command.member(), current);
        List<User> joining = new ArrayList<>(command.joining().size());
        for (Handle handle : command.joining()) {
            User joiner = users.findByHandle(handle).orElseThrow(() ->
                    new MessagingException(ErrorCode.HANDLE_NOT_FOUND, "no user " + handle));
            if (!current.includes(joiner.id())) {
                Blocking.refuseIfBlocked(users, joiner.id(), command.member());
            }
            joining.add(joiner);
        }
        return change(current, members -> {
            requireMember(command.member(), members);
            GroupMembers after = members.with(joining);
            if (after.members().size() > maxMembers) {
                throw new MessagingException(ErrorCode.GROUP_TOO_LARGE, "a group has at most " + maxMembers + " members");
            }
            return after.members().size() == members.members().size() ? members : after;
        });
    }

    /**
     * The caller leaves a group conversation: their row goes, and they can no longer read or
     * write it, nor leave it again.
     *
     * @param caller who leaves
     * @param group  the group conversation
     * @throws MessagingException {@code message_group_not_found}, {@code not_a_member},
     *         {@code pair_members_fixed}
     */
    public void leave(User caller, MessageGroupId group) {
        GroupMembers current = groupOf(caller, group);
        requireMember(caller, current);
        change(current, members -> {
            requireMember(caller, members);
            return members.without(caller.id());
        });
    }

    /**
     * Applies {@code wanted} to the members as stored until the change is stored or nothing is
     * left to change ({@code wanted} gives the members back as they are).
     */
    private GroupMembers change(GroupMembers read, UnaryOperator<GroupMembers> wanted) {
        GroupMembers current = read;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            GroupMembers after = wanted.apply(current);
            if (after.equals(current)) {
                return current;
            }
            MembershipOutcome outcome = messages.changeMembers(new MembershipChange(current, after, rowsOf(current)));
            if (outcome instanceof MembershipOutcome.Changed changed) {
                memberships.forget(current.group());
                news.publish(new MembersNews(current.group()));
                return changed.members();
            }
            // most often a new message moved the rows, and the index shows them where they were a moment ago
            Pause.forIndex("the rows of group " + current.group());
            current = messages.groupMembers(current.group()).orElseThrow(() ->
                    new MessagingException(ErrorCode.STORAGE_UNAVAILABLE, "a group's members went missing"));
        }
        throw new MessagingException(ErrorCode.STORAGE_CONTENDED,
                "the members of group " + read.group() + " kept changing");
    }

    /** Every member's row, as the index shows them once it has caught up with {@code members}. */
    private List<MessageGroupRow> rowsOf(GroupMembers members) {
        Set<UserId> ids = members.ids();
        return Pause.untilCaughtUp("the rows of group " + members.group() + " showing its members",
                () -> messages.rowsOfGroup(members.group()),
                rows -> rows.size() == ids.size()
                        && rows.stream().map(MessageGroupRow::owner).collect(Collectors.toSet()).equals(ids)
                        && rows.stream().allMatch(row -> row.counterpart().members() == ids.size()));
    }

    private GroupMembers groupOf(User caller, MessageGroupId group) {
        Optional<GroupMembers> stored = messages.groupMembers(group);
        if (stored.isPresent()) {
            return stored.get();
        }
        pairRows(caller, group);
        throw new MessagingException(ErrorCode.PAIR_MEMBERS_FIXED, "the members of a pair conversation never change");
    }

    /** A pair's rows, once the caller is known to be one of its members. */
    private List<MessageGroupRow> pairRows(User caller, MessageGroupId group) {
        Set<UserId> members = memberships.of(group).orElseThrow(() ->
                new MessagingException(ErrorCode.MESSAGE_GROUP_NOT_FOUND, "no message group " + group));
        if (!members.contains(caller.id())) {
            throw new MessagingException(ErrorCode.NOT_A_MEMBER, "not a member of message group " + group);
        }
        return messages.rowsOfGroup(group);
    }

    private static void requireMember(User caller, GroupMembers members) {
        if (!members.includes(caller.id())) {
            throw new MessagingException(ErrorCode.NOT_A_MEMBER, "not a member of message group " + members.group());
        }
    }
}
