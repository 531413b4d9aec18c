package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.domain.UserId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pattern E: after a message is stored, every member's group row shows it. Rows only move
 * forward: a message no newer than a row changes nothing, so duplicated and late deliveries are
 * harmless. A row moved by a concurrent writer is read again and compared anew.
 */
public final class RefreshMessageGroups {
    static final int MAX_ATTEMPTS_PER_ROW = 16;
    private static final Logger LOG = LoggerFactory.getLogger(RefreshMessageGroups.class);

    private final MessagingPort messages;

    public RefreshMessageGroups(MessagingPort messages) {
        this.messages = messages;
    }

    public RefreshResult refresh(Message stored) {
        int advanced = 0;
        Set<UserId> members = new HashSet<>();
        for (MessageGroupRow row : messages.rowsOfGroup(stored.groupId())) {
            members.add(row.owner());
            if (advance(row, stored)) {
                advanced++;
            }
        }
        return new RefreshResult(advanced, members);
    }

    /**
     * Pattern E for several messages stored in one group, such as a batch of stream records: the
     * rows move once, straight to the newest message, which is where moving them one message at a
     * time would leave them (rows only move forward).
     */
    public RefreshResult refreshToNewest(List<Message> storedInOneGroup) {
        Message newest = storedInOneGroup.stream().max(Comparator.comparing(Message::createdAt))
                .orElseThrow(() -> new IllegalArgumentException("no message to refresh the rows with"));
        if (storedInOneGroup.stream().anyMatch(message -> !message.groupId().equals(newest.groupId()))) {
            throw new IllegalArgumentException("the messages belong to more than one group");
        }
        return refresh(newest);
    }

    private boolean advance(MessageGroupRow row, Message stored) {
        Optional<MessageGroupRow> current = Optional.of(row);
        for (int attempt = 0; attempt < MAX_ATTEMPTS_PER_ROW; attempt++) {
            if (current.isEmpty() || !current.get().lastMessageAt().isBefore(stored.createdAt())) {
                return false;
            }
            if (messages.advanceGroupRow(current.get(), stored.text(), stored.createdAt())) {
                return true;
            }
            LOG.debug("group row of {} in {} moved concurrently; reading it again", row.owner(), row.groupId());
            current = messages.rowsOfGroup(stored.groupId()).stream()
                    .filter(candidate -> candidate.owner().equals(row.owner()))
                    .findFirst();
        }
        throw new MessagingException(ErrorCode.STORAGE_CONTENDED,
                "group row of " + row.owner() + " in " + row.groupId() + " kept moving");
    }
}
