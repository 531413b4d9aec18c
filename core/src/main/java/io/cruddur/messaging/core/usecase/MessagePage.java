package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.Message;
import java.util.List;
import java.util.Optional;

/**
 * Messages oldest to newest, with a cursor to the older page and one to the newer page, each
 * present only when such messages are known to exist.
 *
 * @param messages the page's messages, oldest to newest
 * @param older    the cursor to the page before, present only when older messages exist
 * @param newer    the cursor to the page after, present only when newer messages exist
 */
public record MessagePage(List<Message> messages, Optional<Cursor> older, Optional<Cursor> newer) {
    /**
     * Copies the messages.
     *
     * @param messages the page's messages, oldest to newest
     * @param older    the cursor to the page before, if any
     * @param newer    the cursor to the page after, if any
     */
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
