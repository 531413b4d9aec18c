package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.CachingUserDirectory;
import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import java.util.Set;

/**
 * The rules of who may read or write a group: its members, nobody else; and in a pair
 * conversation, not someone the other member blocks.
 */
final class GroupAccess {
    private final Memberships memberships;
    private final CachingUserDirectory users;

    GroupAccess(Memberships memberships, CachingUserDirectory users) {
        this.memberships = memberships;
        this.users = users;
    }

    void requireMayWrite(User writer, MessageGroupId group) {
        requireMember(writer, group);
        refuseIfBlockedInPair(writer, group);
    }

    /** Refuses a member of a pair conversation whom the other member blocks. */
    void refuseIfBlockedInPair(User writer, MessageGroupId group) {
        memberships.otherInPair(group, writer.id())
                .ifPresent(other -> Blocking.refuseIfBlocked(users, other, writer));
    }

    /** The group's members, once {@code user} is known to be one of them. */
    Set<UserId> requireMember(User user, MessageGroupId group) {
        Set<UserId> members = memberships.of(group).orElseThrow(() ->
                new MessagingException(ErrorCode.MESSAGE_GROUP_NOT_FOUND, "no message group " + group));
        if (!members.contains(user.id())) {
            throw new MessagingException(ErrorCode.NOT_A_MEMBER, "not a member of message group " + group);
        }
        return members;
    }
}
