package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.UserId;
import java.time.Instant;
import java.util.Set;

/**
 * A host's side of the news: told of every new message, from whichever host stored it, once its
 * group's rows have moved, of every change of a group's members, and of members' read positions moving. Asked first whether any member listens here, so that news for nobody
 * here costs no read of the message. Called from a few delivery threads (one group's news always
 * on the same one): thread-safe, quick, never blocking.
 */
public interface NewsListener {

    /**
     * {@return whether any of the group's members listens on this host}
     *
     * @param members the group's members
     */
    boolean listensFor(Set<UserId> members);

    /**
     * Hears of a new message, read from storage (so perhaps edited or deleted since), and the
     * group's members.
     *
     * @param message the new message
     * @param members the group's members
     */
    void heard(Message message, Set<UserId> members);

    /**
     * Hears that a message was edited or deleted, read from storage (edited, or its tombstone),
     * and the group's members. By default heard as {@link #heard}.
     *
     * @param message the message as it reads now
     * @param members the group's members
     */
    default void heardRevision(Message message, Set<UserId> members) {
        heard(message, members);
    }

    /**
     * Hears that a group conversation's members changed, with the members now (read from storage
     * once this host has forgotten the old ones). Nothing by default.
     *
     * @param group   the group
     * @param members its members now; none when everyone has left
     */
    default void membersChanged(MessageGroupId group, Set<UserId> members) {
        // a host that shows no members needs nothing
    }

    /**
     * Hears that a member's read position in a group moved forward, with the group's members (the
     * reader among them). Nothing by default.
     *
     * @param group    the group
     * @param reader   the member who read
     * @param readUpTo the time of the latest message they have read now
     * @param members  the group's members
     */
    default void readMoved(MessageGroupId group, UserId reader, Instant readUpTo, Set<UserId> members) {
        // a host that shows no read receipts needs nothing
    }
}
