package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.util.List;
import java.util.Optional;

/** Group rows, the most recent conversation first, and a cursor to the next (older) page when there is one. */
public record MessageGroupPage(List<MessageGroupRow> groups, Optional<Cursor> next) {
    public MessageGroupPage {
        groups = List.copyOf(groups);
    }
}
