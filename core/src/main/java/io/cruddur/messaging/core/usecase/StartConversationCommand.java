package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.Validation;
import java.util.Objects;
import java.util.Optional;

/**
 * Starting a conversation: the starter writes to {@code @recipient}. When the two already share a group the
 * message goes there; with a client message id a retried start stores nothing new.
 *
 * @param starter         who writes
 * @param recipient       the handle of the user written to
 * @param text            what the first message says
 * @param clientMessageId the message id the client chose, which makes retries store one message;
 *                        empty for the service to choose one
 */
public record StartConversationCommand(
        User starter, Handle recipient, MessageText text, Optional<MessageId> clientMessageId) {
    /**
     * Requires every component.
     *
     * @param starter         who writes
     * @param recipient       the handle of the user written to
     * @param text            what the first message says
     * @param clientMessageId the message id the client chose, if any
     * @throws NullPointerException when a component is null
     */
    public StartConversationCommand {
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
    }

    /**
     * Builds the command from client input, refusing it with every problem found at once
     * ({@code message_blank}, {@code message_control_characters}, {@code message_exceed_max_chars},
     * {@code user_reciever_handle_blank}, {@code handle_invalid}, {@code message_uuid_invalid}). Its
     * arguments are raw client input, so an absent one is null, as a missing JSON field reads; a
     * null or empty client message id means none.
     *
     * @param starter         the authenticated caller
     * @param recipient       the recipient's handle as written, with or without the leading {@code @}
     * @param text            the message's text as sent
     * @param clientMessageId the client's message uuid as sent; null or empty for none
     * @return the command
     * @throws MessagingException with every code of the problems found, in that order
     */
    public static StartConversationCommand parse(User starter, String recipient, String text, String clientMessageId) {
        Validation validation = new Validation();
        MessageText parsedText = validation.check(() -> MessageText.parse(text));
        Handle parsedRecipient = validation.check(() -> {
            if (Handle.isBlank(recipient)) {
                throw new MessagingException(ErrorCode.USER_RECIEVER_HANDLE_BLANK, "recipient handle is blank");
            }
            return Handle.parse(recipient);
        });
        Optional<MessageId> parsedId = validation.check(() -> ClientMessageIds.parse(clientMessageId));
        validation.done();
        return new StartConversationCommand(starter, parsedRecipient, parsedText, parsedId);
    }
}
