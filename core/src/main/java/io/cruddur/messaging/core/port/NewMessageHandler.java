package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;
import java.util.List;

/** What a {@link NewMessageFeed} hands its batches to: the use case that brings group rows up to date. */
@FunctionalInterface
public interface NewMessageHandler {

    /**
     * Handles one batch, in stored order within each group; the outcome says what must come again.
     *
     * @param batch the new messages, in stored order within each group
     * @return how many rows moved, and from where the batch must be delivered again, if anywhere
     */
    BatchOutcome handle(List<Message> batch);
}
