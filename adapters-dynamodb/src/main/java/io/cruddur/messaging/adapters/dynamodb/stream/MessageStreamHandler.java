package io.cruddur.messaging.adapters.dynamodb.stream;

import io.cruddur.messaging.adapters.dynamodb.MessageItems;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.port.BatchOutcome;
import io.cruddur.messaging.core.port.NewMessageHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of stream records into the new messages it holds, for a
 * {@link NewMessageHandler}: every {@code INSERT} of a message item in the batch (not only the
 * first) counts, and every {@code MODIFY} that edited or deleted one; other events and item kinds
 * are passed over. When the handler names a message
 * to deliver again, its record is reported, so that it and everything after it come again (a
 * replay is harmless). A record that can never succeed (an item that is not a valid message) is
 * logged and passed over, so it cannot block its shard.
 */
public final class MessageStreamHandler implements ChangeBatchHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStreamHandler.class);
    private static final String INSERT = "INSERT";
    private static final String MODIFY = "MODIFY";

    private final NewMessageHandler handler;

    /**
     * A handler that hands the new messages of each batch on to {@code handler}.
     *
     * @param handler what moves the group rows, such as the facade's pattern E
     */
    public MessageStreamHandler(NewMessageHandler handler) {
        this.handler = handler;
    }

    @Override
    public BatchResult handle(List<ChangeRecord> records) {
        List<Message> messages = new ArrayList<>();
        List<String> sequenceNumbers = new ArrayList<>();
        for (ChangeRecord record : records) {
            boolean insert = INSERT.equals(record.eventName());
            if ((insert || MODIFY.equals(record.eventName())) && MessageItems.isMessage(record.newImage())) {
                // a change of a message that is no edit or delete (another tool rewriting it) moves nothing
                parse(record).filter(message -> insert || message.revised()).ifPresent(message -> {
                    messages.add(message);
                    sequenceNumbers.add(record.sequenceNumber());
                });
            }
        }
        if (messages.isEmpty()) {
            return new BatchResult(0, Optional.empty());
        }
        BatchOutcome outcome = handler.handle(messages);
        Optional<String> failedAt = outcome.complete() ? Optional.empty()
                : Optional.of(sequenceNumbers.get(outcome.redeliverFrom().getAsInt()));
        failedAt.ifPresent(record -> LOG.warn("new messages from record {} on will be delivered again", record));
        return new BatchResult(outcome.advancedRows(), failedAt);
    }

    private static Optional<Message> parse(ChangeRecord record) {
        try {
            return Optional.of(MessageItems.message(record.newImage()));
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
