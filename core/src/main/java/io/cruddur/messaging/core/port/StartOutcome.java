package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;

/** What {@link MessagingPort#startConversation} did. */
public sealed interface StartOutcome {

    /** The group, both rows and the first message were written together. */
    record Started(Message first) implements StartOutcome {
    }

    /** The pair already has this group; nothing was written. */
    record PairExists(MessageGroupId existing) implements StartOutcome {
    }

    /** The sender already stored a message with the first message's id; nothing was written. */
    record MessageIdTaken(Message existing) implements StartOutcome {
    }
}
