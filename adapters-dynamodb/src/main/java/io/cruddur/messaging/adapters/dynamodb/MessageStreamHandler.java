package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.usecase.RefreshResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pattern E from the table's stream: every INSERT of a message item in a batch (not only the
 * first) counts, and each group's rows move once per batch, to the group's newest message in it,
 * so a busy group costs one refresh per batch rather than one per message. Other events and item
 * kinds are passed over. Groups are handled in the order of their first record; the first group
 * that fails for a passing reason stops the batch, and its first record is reported, so that it
 * and everything after it are delivered again (a replay is harmless: rows only move forward). A
 * record that can never succeed (an item that is not a valid message) is logged and passed over,
 * so it cannot block its shard.
 */
public final class MessageStreamHandler implements ChangeBatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStreamHandler.class);
    private static final String INSERT = "INSERT";

    private final Function<List<Message>, RefreshResult> refresh;

    /**
     * Runs pattern E with {@code refresh}, given one group's messages from a batch in stream order:
     * the use case's {@code refreshToNewest}, or a facade's {@code refreshMessageGroups}.
     */
    public MessageStreamHandler(Function<List<Message>, RefreshResult> refresh) {
        this.refresh = refresh;
    }

    @Override
    public BatchResult handle(List<ChangeRecord> records) {
        Map<MessageGroupId, GroupInBatch> groups = new LinkedHashMap<>();
        for (ChangeRecord record : records) {
            if (INSERT.equals(record.eventName()) && MessageTable.isMessageItem(record.newImage())) {
                parse(record).ifPresent(message -> groups
                        .computeIfAbsent(message.groupId(), group -> new GroupInBatch(record.sequenceNumber()))
                        .messages.add(message));
            }
        }
        int advanced = 0;
        for (GroupInBatch group : groups.values()) {
            try {
                advanced += refresh.apply(group.messages).advancedRows();
            } catch (MessagingException failed) {
                LOG.warn("pattern E failed for the group first seen at record {} ({}); it will be delivered again",
                        group.firstSequenceNumber, failed.code().code());
                return new BatchResult(advanced, Optional.of(group.firstSequenceNumber));
            }
        }
        return new BatchResult(advanced, Optional.empty());
    }

    /** One group's messages in a batch, and the record where the group first appears. */
    private static final class GroupInBatch {
        private final String firstSequenceNumber;
        private final List<Message> messages = new ArrayList<>();

        private GroupInBatch(String firstSequenceNumber) {
            this.firstSequenceNumber = firstSequenceNumber;
        }
    }

    private static Optional<Message> parse(ChangeRecord record) {
        try {
            return Optional.of(MessageTable.message(record.newImage()));
        } catch (IllegalArgumentException malformed) {
            LOG.error("record {} is not a valid message item and is passed over: {}",
                    record.sequenceNumber(), malformed.getMessage());
        } catch (MessagingException invalid) {
            if (invalid.kind() != ErrorCode.Kind.INVALID_INPUT) {
                throw invalid;
            }
            LOG.error("record {} holds an invalid message and is passed over: {}",
                    record.sequenceNumber(), invalid.codes());
        }
        return Optional.empty();
    }
}
