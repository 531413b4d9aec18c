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
 */
public record StartConversationCommand(
        User starter, Handle recipient, MessageText text, Optional<MessageId> clientMessageId) {
    public StartConversationCommand {
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
    }

    /**
     * Builds the command from client input, refusing it with every problem found at once
     * ({@code message_blank}, {@code message_exceed_max_chars}, {@code user_reciever_handle_blank},
     * {@code handle_invalid}, {@code message_uuid_invalid}). Its arguments are raw client input, so
     * an absent one is null, as a missing JSON field reads; a null or empty client message id means
     * none.
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
