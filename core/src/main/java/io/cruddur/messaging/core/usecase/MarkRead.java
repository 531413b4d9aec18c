package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.cache.RowPositions;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.port.ReadNews;
import io.cruddur.messaging.core.port.RowChange;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.SliceQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A member marks a group read, up to a message or everything so far: their read position moves
 * forward only (an older position changes nothing), and their row's count of unread messages
 * becomes what is left after it, counted from the messages themselves. The row is rewritten in
 * place, only if nobody moved or changed it since it was read; the other members' hosts hear of
 * the new position ({@link ReadNews}).
 */
public final class MarkRead {
    static final int MAX_ATTEMPTS = 16;

    private final MessagingPort messages;
    private final GroupAccess access;
    private final RowPositions positions;
    private final NewsBus news;

    MarkRead(MessagingPort messages, GroupAccess access, RowPositions positions, NewsBus news) {
        this.messages = messages;
        this.access = access;
        this.positions = positions;
        this.news = news;
    }

    /**
     * {@return the reader's row of the group as it stands now, with their read state}
     *
     * @param command who read which group, up to which message
     * @throws MessagingException {@code message_group_not_found}, {@code not_a_member},
     *         {@code message_not_found}
     */
    public MessageGroupRow markRead(MarkReadCommand command) {
        UserId reader = command.reader().id();
        MessageGroupId group = command.group();
        Set<UserId> members = access.requireMember(command.reader(), group);
        Instant upTo = command.upTo().isPresent() ? timeOf(group, command.upTo().get(), members) : latest(group);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            MessageGroupRow row = rowOf(reader, group);
            if (row.read().alreadyRead(upTo)) {
                return row;
            }
            List<Message> between = upTo.isBefore(row.lastMessageAt())
                    ? MessagesBetween.read(messages, group, upTo, row.lastMessageAt())
                    : List.of();
            ReadState read = row.read().readTo(reader, upTo, row.lastMessageAt(), between);
            RowsAdvance outcome = messages.replaceGroupRows(List.of(new RowChange(row, row.withRead(read))));
            if (outcome instanceof RowsAdvance.Advanced written) {
                MessageGroupRow stored = written.rows().get(0);
                // pattern E in this process would otherwise find its remembered row outdated, and read again
                positions.rewritten(stored);
                news.publish(new ReadNews(group, reader, read.readUpTo().orElseThrow()));
                return stored;
            }
            // a new message moved the row, and the index may show it where it was a moment ago
            Pause.forIndex("the row of " + reader + " in group " + group);
        }
        throw new MessagingException(ErrorCode.STORAGE_CONTENDED, "the row of " + reader + " in group " + group
                + " kept changing");
    }

    /**
     * The time of the message with this id in the group; ids are their senders' own, so when several
     * members used it, the latest of their messages.
     */
    private Instant timeOf(MessageGroupId group, MessageId id, Set<UserId> members) {
        return messages.sendersOf(group, id, members).stream()
                .flatMap(sender -> messages.sentMessage(sender, id).stream())
                .filter(message -> message.groupId().equals(group))
                .map(Message::createdAt)
                .max(Instant::compareTo)
                .orElseThrow(() -> new MessagingException(ErrorCode.MESSAGE_NOT_FOUND, "no message " + id
                        + " in group " + group));
    }

    private Instant latest(MessageGroupId group) {
        return messages.messages(group, SliceQuery.newest(1)).items().stream().findFirst()
                .map(Message::createdAt)
                .orElseThrow(() -> new MessagingException(ErrorCode.MESSAGE_GROUP_NOT_FOUND, "no message group " + group));
    }

    /** The reader's row, as the index shows it (it may lag behind a group just started). */
    private MessageGroupRow rowOf(UserId reader, MessageGroupId group) {
        return Pause.untilCaughtUp("the row of " + reader + " in group " + group,
                () -> messages.rowsOfGroup(group).stream().filter(row -> row.owner().equals(reader)).findFirst(),
                Optional::isPresent).orElseThrow();
    }
}
