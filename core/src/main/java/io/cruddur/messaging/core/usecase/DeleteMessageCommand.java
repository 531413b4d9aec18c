package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.Validation;
import java.util.Objects;

/**
 * A sender deletes a message they sent, leaving its tombstone. Deleting it again changes nothing.
 *
 * @param sender  who deletes, the message's sender
 * @param group   the message's group
 * @param message the message's id
 */
public record DeleteMessageCommand(User sender, MessageGroupId group, MessageId message) {
    /**
     * Requires every component.
     *
     * @param sender  who deletes
     * @param group   the message's group
     * @param message the message's id
     * @throws NullPointerException when a component is null
     */
    public DeleteMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Reads a client's request, reporting every invalid part at once.
     *
     * @param sender  the authenticated caller
     * @param group   the group's uuid as sent
     * @param message the message's uuid as sent
     * @return the command
     * @throws io.cruddur.messaging.core.domain.MessagingException with every code that applies:
     *         {@code message_group_uuid_blank}, {@code message_group_uuid_invalid},
     *         {@code message_uuid_invalid}
     */
    public static DeleteMessageCommand parse(User sender, String group, String message) {
        Validation validation = new Validation();
        MessageGroupId parsedGroup = validation.check(() -> MessageGroupId.parse(group));
        MessageId parsedMessage = validation.check(() -> MessageId.parse(message));
        validation.done();
        return new DeleteMessageCommand(sender, parsedGroup, parsedMessage);
    }
}
