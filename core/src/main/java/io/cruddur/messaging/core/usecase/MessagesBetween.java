package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.PageLimit;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A group's messages after one time up to another, read from storage a slice at a time: what read
 * states are counted from. A group's messages are stored in the order of their times, so once a
 * message is stored, every earlier one is there to be read.
 */
final class MessagesBetween {
    private MessagesBetween() {
    }

    /** The messages newer than {@code after} and no newer than {@code upTo}, oldest first. */
    static List<Message> read(MessagingPort messages, MessageGroupId group, Instant after, Instant upTo) {
        List<Message> found = new ArrayList<>();
        Instant from = after;
        while (from.isBefore(upTo)) {
            Slice<Message> slice = messages.messages(group, SliceQuery.newerThan(from, PageLimit.MAX));
            for (Message message : slice.items()) {
                if (message.createdAt().isAfter(upTo)) {
                    return found;
                }
                found.add(message);
            }
            if (!slice.more() || slice.items().isEmpty()) {
                return found;
            }
            from = slice.items().get(slice.items().size() - 1).createdAt();
        }
        return found;
    }
}
