package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import java.util.List;
import java.util.Optional;

/** A conversation for demos and tests, written through the facade as its members would write it. */
public final class ConversationSeeding {
    private ConversationSeeding() {
    }

    /**
     * Starts a conversation from {@code starter} to {@code other} with the first of {@code texts},
     * then has the two take turns with the rest; returns the group (the pair's own, if it had one).
     *
     * @param messaging the facade to write through
     * @param starter   who writes the first message, and every other one after it
     * @param other     who writes the second message, and every other one after it
     * @param texts     the messages' texts, in order; at least one
     * @return the group the messages went to
     * @throws IllegalArgumentException when {@code texts} is empty
     * @throws io.cruddur.messaging.core.domain.MessagingException as {@link Messaging#startConversation}
     *         and {@link Messaging#sendMessage} refuse, or when a text is blank or too long
     */
    public static MessageGroupId takeTurns(Messaging messaging, User starter, User other, List<String> texts) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one message");
        }
        MessageGroupId group = messaging.startConversation(new StartConversationCommand(
                starter, other.handle(), new MessageText(texts.get(0)), Optional.empty())).groupId();
        for (int i = 1; i < texts.size(); i++) {
            User sender = i % 2 == 1 ? other : starter;
            messaging.sendMessage(new SendMessageCommand(sender, group, new MessageText(texts.get(i)), Optional.empty()));
        }
        return group;
    }
}
