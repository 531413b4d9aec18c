package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;

/** What {@link MessagingPort#appendMessage} did. */
public sealed interface AppendOutcome {

    /**
     * The message as stored (its time may have moved forward to stay unique in the group).
     *
     * @param stored the message as stored
     */
    record Appended(Message stored) implements AppendOutcome {
    }

    /**
     * The sender stored a message with this id before; nothing was written.
     *
     * @param existing the message stored before, which may differ from the one given
     */
    record AlreadyStored(Message existing) implements AppendOutcome {
    }
}
