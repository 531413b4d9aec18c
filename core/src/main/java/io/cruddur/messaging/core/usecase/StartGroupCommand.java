package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.GroupTitle;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.Validation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation to start with the people named, and its first message. One handle and no title
 * is the pair conversation with that person, as {@link StartConversationCommand}; anything else
 * starts a new group, even if a group of the same people exists.
 *
 * @param starter         who starts it and sends the first message
 * @param members         the other members' handles, each once (handles compare regardless of case), in the order given
 * @param title           the group's title, if any
 * @param text            the first message
 * @param clientMessageId the client's id for the first message, which makes a retry start nothing new
 */
public record StartGroupCommand(User starter, List<Handle> members, Optional<GroupTitle> title, MessageText text,
        Optional<MessageId> clientMessageId) {
    /**
     * Requires every component and at least one other member; a handle named twice, in any
     * spelling, counts once.
     *
     * @param starter         who starts it
     * @param members         the other members' handles
     * @param title           the group's title, if any
     * @param text            the first message
     * @param clientMessageId the client's id for the first message, if any
     * @throws NullPointerException when a component is null
     * @throws MessagingException   {@code user_reciever_handle_blank} when no handle is given
     */
    public StartGroupCommand {
        Objects.requireNonNull(starter, "starter");
        members = HandleLists.distinct(members);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        if (members.isEmpty()) {
            throw new MessagingException(ErrorCode.USER_RECIEVER_HANDLE_BLANK, "no member is named");
        }
    }

    /**
     * Reads a client's request, reporting every invalid part at once.
     *
     * @param starter         who starts it
     * @param handles         the other members' handles, with or without {@code @}; null when absent
     * @param title           the title; null when absent
     * @param text            the first message; null when absent
     * @param clientMessageId the client's message uuid; null when absent
     * @return the command
     * @throws MessagingException with every code that applies: {@code user_reciever_handle_blank},
     *         {@code handle_invalid}, {@code group_title_invalid}, {@code message_blank},
     *         {@code message_control_characters}, {@code message_exceed_max_chars},
     *         {@code message_uuid_invalid}
     */
    public static StartGroupCommand parse(User starter, List<String> handles, String title, String text,
            String clientMessageId) {
        Validation validation = new Validation();
        MessageText parsedText = validation.check(() -> MessageText.parse(text));
        List<Handle> parsedHandles = validation.check(() -> HandleLists.parse(handles));
        Optional<GroupTitle> parsedTitle = validation.check(() ->
                title == null ? Optional.<GroupTitle>empty() : Optional.of(GroupTitle.parse(title)));
        Optional<MessageId> parsedId = validation.check(() -> ClientMessageIds.parse(clientMessageId));
        validation.done();
        return new StartGroupCommand(starter, parsedHandles, parsedTitle, parsedText, parsedId);
    }

    /** {@return whether this names one person and no title: the pair conversation} */
    public boolean isPair() {
        return members.size() == 1 && title.isEmpty();
    }
}
