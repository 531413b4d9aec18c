package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.StartOutcome;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills the table with a long conversation for demos and load tests (the reference's {@code seed}
 * script), fast: the group is started through the port (one transaction, so the pair stays
 * unique), then the remaining messages go in {@code BatchWriteItem} requests within DynamoDB's
 * 25 items (12 messages, each with its message-id item), with unprocessed items sent again. Batches are not transactions; each item is complete on its own,
 * the times are distinct by construction, and the group's latest item and its rows are moved to
 * the last message at the end (the rows counting every message as unread for the other member),
 * so an interrupted seed leaves a consistent, shorter conversation.
 */
public final class ConversationSeeder {
    private static final int BATCH_ITEMS = 25;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbMessagingPort port;

    /**
     * A seeder of {@code table}; the client stays the caller's to close.
     *
     * @param dynamo the client every request goes through
     * @param table  the message table
     */
    public ConversationSeeder(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.port = new DynamoDbMessagingPort(dynamo, table);
    }

    /**
     * Writes {@code count} messages between the two users, alternating senders, one second apart
     * ending now; reports progress in messages written. Returns the group, new or the pair's own.
     * When the pair already has a group, the first message is appended to it instead.
     *
     * @param first    who writes the first message and every other one after it
     * @param second   who writes the second message and every other one after it
     * @param count    how many messages to write; at least 1
     * @param now      the time of the last message
     * @param progress told how many messages have been written, after the first and after each
     *                 batch
     * @return the group the messages are in
     * @throws IllegalArgumentException when {@code count} is less than 1
     * @throws MessagingException       a {@code storage_*} code when DynamoDB refuses or does not
     *                                  answer, {@code storage_contended} also when the group rows
     *                                  cannot be moved to the last message
     * @throws IllegalStateException    when interrupted while waiting to send unprocessed items again
     */
    public MessageGroupId seed(User first, User second, int count, Instant now, IntConsumer progress) {
        if (count < 1) {
            throw new IllegalArgumentException("a conversation needs at least one message");
        }
        Instant start = now.minusSeconds(count - 1L);
        Message opening = message(new MessageGroupId(UUID.randomUUID()), first, 1, count, start);
        StartOutcome outcome = port.startConversation(new NewConversation(first, second, opening));
        MessageGroupId group = outcome instanceof StartOutcome.PairExists existing ? existing.existing() : opening.groupId();
        int written = 0;
        if (outcome instanceof StartOutcome.PairExists) {
            port.appendMessage(opening.inGroup(group));
        }
        progress.accept(++written);
        List<WriteRequest> batch = new ArrayList<>();
        Message last = opening.inGroup(group);
        for (int i = 2; i <= count; i++) {
            last = message(group, i % 2 == 0 ? second : first, i, count, start.plusSeconds(i - 1L));
            batch.add(put(MessageTable.messageItem(last)));
            batch.add(put(MessageTable.messageIdItem(last)));
            if (batch.size() >= BATCH_ITEMS - 1) {
                written += write(batch) / 2;
                progress.accept(written);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            written += write(batch) / 2;
            progress.accept(written);
        }
        port.keepLatestAtLeast(last);
        if (!new RefreshMessageGroups(port).handle(List.of(last)).complete()) {
            throw new MessagingException(ErrorCode.STORAGE_CONTENDED, "the rows of group " + group + " did not move");
        }
        return group;
    }

    /** Writes the batch, sending unprocessed items again; returns how many items it wrote. */
    private int write(List<WriteRequest> batch) {
        List<WriteRequest> pending = List.copyOf(batch);
        try {
            while (!pending.isEmpty()) {
                List<WriteRequest> sending = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(request -> request.requestItems(Map.of(table, sending)));
                pending = response.unprocessedItems().getOrDefault(table, List.of());
                if (!pending.isEmpty()) {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("seeding was interrupted", interrupted);
        }
        return batch.size();
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static Message message(MessageGroupId group, User sender, int number, int count, Instant at) {
        return new Message(new MessageId(UUID.randomUUID()), group, sender,
                new MessageText("Seeded message " + number + " of " + count + " from @" + sender.handle().value()), at);
    }
}
