package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.User;
import java.util.List;
import java.util.Objects;

/**
 * A conversation to create: the starter (the first message's sender), the recipient and that message.
 *
 * @param starter   who starts it, the first message's sender
 * @param recipient the other member
 * @param first     the first message, whose group id is the new group's
 */
public record NewConversation(User starter, User recipient, Message first) {
    /**
     * Requires two different users and a first message from the starter.
     *
     * @param starter   who starts it
     * @param recipient the other member
     * @param first     the first message
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the two are one user, or the first message is not the starter's
     */
    public NewConversation {
        Objects.requireNonNull(starter, "starter");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(first, "first");
        if (starter.id().equals(recipient.id())) {
            throw new IllegalArgumentException("a conversation needs two different users");
        }
        if (!first.sender().id().equals(starter.id())) {
            throw new IllegalArgumentException("the first message is the starter's");
        }
    }

    /** {@return both members' rows as the new group starts: each shows the other member and the first message} */
    public List<MessageGroupRow> rows() {
        return List.of(
                new MessageGroupRow(starter.id(), first.groupId(), recipient, first.text(), first.createdAt()),
                new MessageGroupRow(recipient.id(), first.groupId(), starter, first.text(), first.createdAt()));
    }

    /** {@return the pair's key, the same whoever starts: the two user ids in order} */
    public UserPair pair() {
        return UserPair.of(starter.id(), recipient.id());
    }
}
