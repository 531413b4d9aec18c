package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.Validation;
import java.util.Objects;

/**
 * A sender changes the text of a message they sent. Sending the same text again changes nothing.
 *
 * @param sender  who edits, the message's sender
 * @param group   the message's group
 * @param message the message's id
 * @param text    the new text
 */
public record EditMessageCommand(User sender, MessageGroupId group, MessageId message, MessageText text) {
    /**
     * Requires every component.
     *
     * @param sender  who edits
     * @param group   the message's group
     * @param message the message's id
     * @param text    the new text
     * @throws NullPointerException when a component is null
     */
    public EditMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads a client's request, reporting every invalid part at once.
     *
     * @param sender  the authenticated caller
     * @param group   the group's uuid as sent
     * @param message the message's uuid as sent
     * @param text    the new text as sent; null when absent
     * @return the command
     * @throws io.cruddur.messaging.core.domain.MessagingException with every code that applies:
     *         {@code message_group_uuid_blank}, {@code message_group_uuid_invalid},
     *         {@code message_uuid_invalid}, {@code message_blank},
     *         {@code message_control_characters}, {@code message_exceed_max_chars}
     */
    public static EditMessageCommand parse(User sender, String group, String message, String text) {
        Validation validation = new Validation();
        MessageGroupId parsedGroup = validation.check(() -> MessageGroupId.parse(group));
        MessageId parsedMessage = validation.check(() -> MessageId.parse(message));
        MessageText parsedText = validation.check(() -> MessageText.parse(text));
        validation.done();
        return new EditMessageCommand(sender, parsedGroup, parsedMessage, parsedText);
    }
}
