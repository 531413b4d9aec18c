package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.Message;
import java.util.List;
import java.util.Optional;

/**
 * Messages oldest to newest, with a cursor to the older page and one to the newer page, each
 * present only when such messages are known to exist.
 */
public record MessagePage(List<Message> messages, Optional<Cursor> older, Optional<Cursor> newer) {
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
