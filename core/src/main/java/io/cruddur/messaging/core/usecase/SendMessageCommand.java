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
 *
 * @param sender          who writes, a member of the group
 * @param group           the group to write in
 * @param text            what the message says
 * @param clientMessageId the message id the client chose, which makes retries store one message;
 *                        empty for the service to choose one
 */
public record SendMessageCommand(
        User sender, MessageGroupId group, MessageText text, Optional<MessageId> clientMessageId) {
    /**
     * Requires every component.
     *
     * @param sender          who writes
     * @param group           the group to write in
     * @param text            what the message says
     * @param clientMessageId the message id the client chose, if any
     * @throws NullPointerException when a component is null
     */
    public SendMessageCommand {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
    }

    /**
     * Builds the command from client input, refusing it with every problem found at once
     * ({@code message_blank}, {@code message_control_characters}, {@code message_exceed_max_chars},
     * {@code message_group_uuid_blank}, {@code message_group_uuid_invalid},
     * {@code message_uuid_invalid}). Its arguments are raw client input, so an absent one is null,
     * as a missing JSON field reads; a null or empty client message id means none.
     *
     * @param sender          the authenticated caller
     * @param group           the group's uuid as sent
     * @param text            the message's text as sent
     * @param clientMessageId the client's message uuid as sent; null or empty for none
     * @return the command
     * @throws io.cruddur.messaging.core.domain.MessagingException with every code of the problems
     *         found, in that order
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
