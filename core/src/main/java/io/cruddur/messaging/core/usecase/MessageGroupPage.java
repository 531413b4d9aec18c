package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.util.List;
import java.util.Optional;

/**
 * Group rows, the most recent conversation first, and a cursor to the next (older) page when there is one.
 *
 * @param groups the caller's rows, most recent first
 * @param next   the cursor to the next (older) page; empty when no older row exists
 */
public record MessageGroupPage(List<MessageGroupRow> groups, Optional<Cursor> next) {
    /**
     * Copies the rows.
     *
     * @param groups the caller's rows, most recent first
     * @param next   the cursor to the next (older) page, if any
     */
    public MessageGroupPage {
        groups = List.copyOf(groups);
    }
}
