package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.RevisionOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A sender edits or deletes a message they sent, within the edit window after sending it. The
 * sender's own message is found by its id in one read (a message id is its sender's key); only
 * when that finds nothing are the other members' ids looked at, to tell {@code not_the_sender}
 * from {@code message_not_found}. Both are idempotent: the same text again, or a second delete,
 * changes nothing. Group rows showing the message follow through pattern E.
 */
public final class ReviseMessage {
    /** How long after sending a message its sender may edit or delete it, unless configured. */
    public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofHours(24);
    static final int MAX_ATTEMPTS = 8;

    private final MessagingPort messages;
    private final GroupAccess access;
    private final Clock clock;
    private final Duration window;

    ReviseMessage(MessagingPort messages, GroupAccess access, Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the edit window must be positive, was " + window);
        }
        this.messages = messages;
        this.access = access;
        this.clock = clock;
        this.window = window;
    }

    /**
     * {@return the message with its new text, its id and time kept, and when it was edited}
     *
     * @param command who edits which message, and the new text
     * @throws MessagingException {@code message_group_not_found}, {@code not_a_member},
     *         {@code message_not_found}, {@code not_the_sender}, {@code blocked}, {@code message_deleted},
     *         {@code edit_window_passed}
     */
    public Message edit(EditMessageCommand command) {
        Message own = own(command.sender(), command.group(), command.message());
        // an edit writes to the other member as a message does; a delete only withdraws
        access.refuseIfBlockedInPair(command.sender(), command.group());
        return revise(command.sender(), command.group(), command.message(), own, current -> {
            if (current.deleted()) {
                throw new MessagingException(ErrorCode.MESSAGE_DELETED, "message " + current.id() + " was deleted");
            }
            return current.text().equals(command.text()) ? current
                    : current.editedTo(command.text(), Now.of(clock));
        });
    }

    /**
     * {@return the message's tombstone: its id, sender and time kept, its text gone}
     *
     * @param command who deletes which message
     * @throws MessagingException {@code message_group_not_found}, {@code not_a_member},
     *         {@code message_not_found}, {@code not_the_sender}, {@code edit_window_passed}
     */
    public Message delete(DeleteMessageCommand command) {
        return revise(command.sender(), command.group(), command.message(),
                own(command.sender(), command.group(), command.message()),
                current -> current.deleted() ? current : current.deletedOn(Now.of(clock)));
    }

    /** Applies {@code change} to the message as stored until it is stored, or there is nothing to change. */
    private Message revise(User caller, MessageGroupId group, MessageId id, Message read,
            UnaryOperator<Message> change) {
        Message current = read;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Message revised = change.apply(current);
            if (revised.equals(current)) {
                return current;
            }
            if (!Now.of(clock).isBefore(current.createdAt().plus(window))) {
                throw new MessagingException(ErrorCode.EDIT_WINDOW_PASSED,
                        "message " + id + " can no longer be changed: it is older than " + window);
            }
            RevisionOutcome outcome = messages.reviseMessage(current, revised);
            if (outcome instanceof RevisionOutcome.Revised stored) {
                return stored.message();
            }
            current = sent(caller, group, id).orElseThrow(() ->
                    new MessagingException(ErrorCode.STORAGE_UNAVAILABLE, "message " + id + " went missing"));
        }
        throw new MessagingException(ErrorCode.STORAGE_CONTENDED, "message " + id + " kept changing");
    }

    /** The caller's own message of the group with this id; otherwise why not. */
    private Message own(User caller, MessageGroupId group, MessageId id) {
        Set<UserId> members = access.requireMember(caller, group);
        Optional<Message> mine = sent(caller, group, id);
        if (mine.isPresent()) {
            return mine.get();
        }
        Set<UserId> others = new HashSet<>(members);
        others.remove(caller.id());
        if (!others.isEmpty() && !messages.sendersOf(group, id, others).isEmpty()) {
            throw new MessagingException(ErrorCode.NOT_THE_SENDER, "message " + id + " is someone else's");
        }
        throw new MessagingException(ErrorCode.MESSAGE_NOT_FOUND, "no message " + id + " in group " + group);
    }

    private Optional<Message> sent(User caller, MessageGroupId group, MessageId id) {
        return messages.sentMessage(caller.id(), id).filter(message -> message.groupId().equals(group));
    }
}
