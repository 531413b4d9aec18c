package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;

/** What {@link MessagingPort#startConversation} did. */
public sealed interface StartOutcome {

    /**
     * The group, both rows and the first message were written together.
     *
     * @param first the first message as stored
     */
    record Started(Message first) implements StartOutcome {
    }

    /**
     * The pair already has this group; nothing was written.
     *
     * @param existing the pair's group
     */
    record PairExists(MessageGroupId existing) implements StartOutcome {
    }

    /**
     * The sender already stored a message with the first message's id; nothing was written.
     *
     * @param existing the message stored before with that id
     */
    record MessageIdTaken(Message existing) implements StartOutcome {
    }
}
