package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;

/** What {@link MessagingPort#reviseMessage} did. */
public sealed interface RevisionOutcome {

    /**
     * The message now reads as revised.
     *
     * @param message the message as stored
     */
    record Revised(Message message) implements RevisionOutcome {
    }

    /** The message was no longer as read (another edit or the delete came first); nothing was written. */
    record Outdated() implements RevisionOutcome {
    }
}
