package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.usecase.CursorCodec.Direction;
import io.cruddur.messaging.core.usecase.CursorCodec.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A group's messages. The first page is the newest messages; an {@code older} cursor pages back, a
 * {@code newer} cursor pages forward. Every page reads one slice of storage, whatever the
 * group's size, and lists its messages oldest to newest.
 */
public final class ListMessages {
    private final MessagingPort messages;
    private final GroupAccess access;
    private final CursorCodec cursors;

    ListMessages(MessagingPort messages, GroupAccess access, CursorCodec cursors) {
        this.messages = messages;
        this.access = access;
        this.cursors = cursors;
    }

    /**
     * {@return a page of the group's messages, oldest to newest, with cursors to the older and newer
     * pages where such messages exist}
     *
     * @param query who asks, for which group, and which page
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code message_group_not_found},
     *         {@code not_a_member}, or {@code cursor_invalid} when the cursor is not one this
     *         group's list handed out
     */
    public MessagePage list(ListMessagesQuery query) {
        access.requireMember(query.caller(), query.group());
        String list = "messages:" + query.group();
        Optional<Position> from = query.page().cursor().map(cursor -> cursors.decode(list, cursor));
        int limit = query.page().limit().value();

        boolean forward = from.map(position -> position.direction() == Direction.NEWER).orElse(false);
        SliceQuery slice = from
                .map(position -> forward
                        ? SliceQuery.newerThan(position.at(), limit)
                        : SliceQuery.olderThan(position.at(), limit))
                .orElse(SliceQuery.newest(limit));
        Slice<Message> read = messages.messages(query.group(), slice);

        List<Message> oldestFirst = new ArrayList<>(read.items());
        if (!forward) {
            Collections.reverse(oldestFirst);
        }
        if (oldestFirst.isEmpty()) {
            return new MessagePage(oldestFirst, Optional.empty(), Optional.empty());
        }
        Message oldest = oldestFirst.get(0);
        Message newest = oldestFirst.get(oldestFirst.size() - 1);
        // Paging back from a cursor, the cursor's own message is newer; paging forward, it is older.
        boolean olderExist = forward || read.more();
        boolean newerExist = forward ? read.more() : from.isPresent();
        return new MessagePage(oldestFirst,
                cursorIf(olderExist, list, Direction.OLDER, oldest),
                cursorIf(newerExist, list, Direction.NEWER, newest));
    }

    private Optional<Cursor> cursorIf(boolean exists, String list, Direction direction, Message from) {
        return exists ? Optional.of(cursors.encode(list, new Position(direction, from.createdAt()))) : Optional.empty();
    }
}
