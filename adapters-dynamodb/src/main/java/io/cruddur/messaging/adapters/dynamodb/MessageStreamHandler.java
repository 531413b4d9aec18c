package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.usecase.RefreshResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pattern E from the table's stream: every INSERT of a message item in a batch (not only the
 * first) brings its group's rows to that message. Other events and item kinds are passed over.
 * Records are handled in order; the first one that fails for a passing reason stops the batch
 * and is reported, so that it and everything after it are delivered again. A record that can
 * never succeed (an item that is not a valid message) is logged and passed over, so it cannot
 * block its shard.
 */
public final class MessageStreamHandler implements ChangeBatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStreamHandler.class);
    private static final String INSERT = "INSERT";

    private final Function<Message, RefreshResult> refresh;

    /** Runs pattern E with {@code refresh}: the use case itself, or a facade's {@code refreshMessageGroups}. */
    public MessageStreamHandler(Function<Message, RefreshResult> refresh) {
        this.refresh = refresh;
    }

    @Override
    public BatchResult handle(List<ChangeRecord> records) {
        int advanced = 0;
        for (ChangeRecord record : records) {
            if (!INSERT.equals(record.eventName()) || !MessageTable.isMessageItem(record.newImage())) {
                continue;
            }
            Optional<Message> message = parse(record);
            if (message.isEmpty()) {
                continue;
            }
            try {
                advanced += refresh.apply(message.get()).advancedRows();
            } catch (MessagingException failed) {
                LOG.warn("pattern E failed at record {} ({}); it will be delivered again",
                        record.sequenceNumber(), failed.code().code());
                return new BatchResult(advanced, Optional.of(record.sequenceNumber()));
            }
        }
        return new BatchResult(advanced, Optional.empty());
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
