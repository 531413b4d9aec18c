package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.Validation;
import java.util.Objects;
import java.util.Optional;

/**
 * Sending: the sender writes in a group they belong to. With a client message id, sending the
 * same command again stores nothing new and returns the message stored the first time.
 */
public record SendMessageCommand(
        User sender, MessageGroupId group, MessageText text, Optional<MessageId> clientMessageId) {
    public SendMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
    }

    /**
     * Builds the command from client input, refusing it with every problem found at once
     * ({@code message_blank}, {@code message_exceed_max_chars}, {@code message_group_uuid_blank},
     * {@code message_group_uuid_invalid}, {@code message_uuid_invalid}). Its arguments are raw
     * client input, so an absent one is null, as a missing JSON field reads; a null or empty client
     * message id means none.
     */
    public static SendMessageCommand parse(User sender, String group, String text, String clientMessageId) {
        Validation validation = new Validation();
        MessageText parsedText = validation.check(() -> MessageText.parse(text));
        MessageGroupId parsedGroup = validation.check(() -> MessageGroupId.parse(group));
        Optional<MessageId> parsedId = validation.check(() -> ClientMessageIds.parse(clientMessageId));
        validation.done();
        return new SendMessageCommand(sender, parsedGroup, parsedText, parsedId);
    }
}
