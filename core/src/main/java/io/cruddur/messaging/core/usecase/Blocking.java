package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.CachingUserDirectory;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import java.util.List;

/**
 * A user blocks someone, who can then no longer write to them: neither start a conversation with
 * them (a pair, a group with them in it, or adding them to a group) nor send in their pair
 * conversation. The blocker still reads the history, and writes as before. In a group conversation
 * blocking removes nobody: both stay members and read each other's messages there.
 */
public final class Blocking {
    private final CachingUserDirectory users;

    Blocking(CachingUserDirectory users) {
        this.users = users;
    }

    /**
     * {@return the user now blocked} Blocking someone blocked already changes nothing.
     *
     * @param blocker who blocks
     * @param handle  whom
     * @throws MessagingException {@code handle_not_found}, {@code block_self}
     */
    public User block(User blocker, Handle handle) {
        User blocked = other(blocker, handle);
        users.block(blocker.id(), blocked.id());
        return blocked;
    }

    /**
     * Lifts a block; lifting one that is not there changes nothing.
     *
     * @param blocker who blocked
     * @param handle  whom
     * @throws MessagingException {@code handle_not_found}, {@code block_self}
     */
    public void unblock(User blocker, Handle handle) {
        users.unblock(blocker.id(), other(blocker, handle).id());
    }

    /**
     * {@return the users {@code blocker} blocks, in the order they were blocked}
     *
     * @param blocker whose blocks
     */
    public List<User> blocks(User blocker) {
        return users.blockedBy(blocker.id());
    }

    /** Refuses {@code writer} as {@code blocked} when {@code recipient} blocks them. */
    static void refuseIfBlocked(CachingUserDirectory users, UserId recipient, User writer) {
        if (users.blocks(recipient, writer.id())) {
            throw new MessagingException(ErrorCode.BLOCKED, "user " + recipient + " blocks " + writer.handle());
        }
    }

    private User other(User blocker, Handle handle) {
        User other = users.findByHandle(handle).orElseThrow(() ->
                new MessagingException(ErrorCode.HANDLE_NOT_FOUND, "no user " + handle));
        if (other.id().equals(blocker.id())) {
            throw new MessagingException(ErrorCode.BLOCK_SELF, "nobody blocks themselves");
        }
        return other;
    }
}
