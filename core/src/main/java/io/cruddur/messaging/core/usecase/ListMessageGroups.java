package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.usecase.CursorCodec.Direction;
import io.cruddur.messaging.core.usecase.CursorCodec.Position;
import java.util.List;
import java.util.Optional;

/** The caller's conversations, most recent first, with no cut-off by year or age. */
public final class ListMessageGroups {
    private final MessagingPort messages;
    private final CursorCodec cursors;

    ListMessageGroups(MessagingPort messages, CursorCodec cursors) {
        this.messages = messages;
        this.cursors = cursors;
    }

    /**
     * {@return a page of the caller's conversations, most recent first, with a cursor to the next
     * (older) page when there is one}
     *
     * @param query whose conversations, and which page
     * @throws MessagingException {@code cursor_invalid} when the cursor is not one this caller's
     *         group list handed out, or pages forward
     */
    public MessageGroupPage list(ListMessageGroupsQuery query) {
        String list = "groups:" + query.caller().id();
        int limit = query.page().limit().value();
        SliceQuery slice = query.page().cursor()
                .map(cursor -> cursors.decode(list, cursor))
                .map(position -> {
                    if (position.direction() != Direction.OLDER) {
                        throw new MessagingException(ErrorCode.CURSOR_INVALID, "group lists page back only");
                    }
                    return SliceQuery.olderThan(position.at(), limit);
                })
                .orElse(SliceQuery.newest(limit));
        Slice<MessageGroupRow> read = messages.groupRows(query.caller().id(), slice);
        List<MessageGroupRow> rows = read.items();
        Optional<Cursor> next = read.more()
                ? Optional.of(cursors.encode(list, new Position(Direction.OLDER, rows.get(rows.size() - 1).lastMessageAt())))
                : Optional.empty();
        return new MessageGroupPage(rows, next);
    }
}
