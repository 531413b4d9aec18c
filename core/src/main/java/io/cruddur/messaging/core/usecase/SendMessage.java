package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.port.AppendOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import java.time.Clock;

/**
 * Sending: a member writes in a group. The message is stored once per message id: a retry
 * with the same id and content returns the first result; the same id with other content (or in
 * another group, or from another sender) is {@code message_uuid_reused}.
 */
public final class SendMessage {
    private final MessagingPort messages;
    private final GroupAccess access;
    private final Clock clock;
    private final IdSource ids;

    SendMessage(MessagingPort messages, GroupAccess access, Clock clock, IdSource ids) {
        this.messages = messages;
        this.access = access;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * {@return the message as stored; for a retry, the one stored the first time}
     *
     * @param command who sends what to which group
     * @throws MessagingException {@code message_group_not_found}, {@code not_a_member}, {@code blocked} or
     *         {@code message_uuid_reused}
     */
    public Message send(SendMessageCommand command) {
        access.requireMayWrite(command.sender(), command.group());
        Message message = new Message(
                command.clientMessageId().orElseGet(ids::newMessageId),
                command.group(),
                command.sender(),
                command.text(),
                Now.of(clock));
        return store(message);
    }

    /** Stores a message whose sender is known to be a member. */
    Message store(Message message) {
        AppendOutcome outcome = messages.appendMessage(message);
        if (outcome instanceof AppendOutcome.Appended appended) {
            return appended.stored();
        }
        Message existing = ((AppendOutcome.AlreadyStored) outcome).existing();
        if (sameRequest(existing, message)) {
            return existing;
        }
        throw new MessagingException(ErrorCode.MESSAGE_UUID_REUSED,
                "message uuid " + message.id() + " was used for another message");
    }

    /** The same send again; once its message was edited or deleted, its first text is gone, so group and sender decide. */
    private static boolean sameRequest(Message existing, Message retried) {
        return existing.groupId().equals(retried.groupId())
                && existing.sender().id().equals(retried.sender().id())
                && (existing.revised() || existing.text().equals(retried.text()));
    }
}
