package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.Memberships;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;

/** The one rule of who may read or write a group: its members, nobody else. */
final class GroupAccess {
    private final Memberships memberships;

    GroupAccess(Memberships memberships) {
        this.memberships = memberships;
    }

    void requireMember(User user, MessageGroupId group) {
        var members = memberships.of(group).orElseThrow(() ->
                new MessagingException(ErrorCode.MESSAGE_GROUP_NOT_FOUND, "no message group " + group));
        if (!members.contains(user.id())) {
            throw new MessagingException(ErrorCode.NOT_A_MEMBER, "not a member of message group " + group);
        }
    }
}
