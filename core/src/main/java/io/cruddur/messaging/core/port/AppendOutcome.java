package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;

/** What {@link MessagingPort#appendMessage} did. */
public sealed interface AppendOutcome {

    /** The message as stored (its time may have moved forward to stay unique in the group). */
    record Appended(Message stored) implements AppendOutcome {
    }

    /** The sender stored a message with this id before; nothing was written. */
    record AlreadyStored(Message existing) implements AppendOutcome {
    }
}
