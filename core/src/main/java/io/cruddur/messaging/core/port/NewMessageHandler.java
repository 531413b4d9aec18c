package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;
import java.util.List;

/** What a {@link NewMessageFeed} hands its batches to: the use case that brings group rows up to date. */
@FunctionalInterface
public interface NewMessageHandler {

    /** Handles one batch, in stored order within each group; the outcome says what must come again. */
    BatchOutcome handle(List<Message> batch);
}
