package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.SliceQuery;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The reference's {@code patterns/get-conversation} and {@code patterns/list-conversations}: the
 * same queries that list a group's messages and a user's conversations, with the read capacity
 * they consumed, for operators.
 */
public final class PatternReports {
    private final PartitionReader reader;

    /**
     * What a pattern query returned, newest first, and the capacity units it consumed.
     *
     * @param <T>           what the query lists: messages or group rows
     * @param items         what the query returned, newest first
     * @param capacityUnits the read capacity units the query consumed, as DynamoDB reported them
     */
    public record Report<T>(List<T> items, double capacityUnits) {
        /**
         * Copies {@code items}.
         *
         * @param items         what the query returned, newest first
         * @param capacityUnits the read capacity units it consumed
         */
        public Report {
            items = List.copyOf(items);
        }
    }

    /**
     * Reports on {@code table}; the client stays the caller's to close.
     *
     * @param dynamo the client the queries go through
     * @param table  the message table
     */
    public PatternReports(DynamoDbClient dynamo, String table) {
        this.reader = PartitionReader.reportingCapacity(dynamo, table);
    }

    /**
     * {@return pattern A's query: the group's newest messages, newest first} One consistent
     * {@code Query} on the group's partition, as the port makes it.
     *
     * @param group the group whose messages are listed
     * @param limit at most this many messages; at least 1
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code storage_unavailable} or
     *         {@code storage_throttled} when DynamoDB does not answer
     */
    public Report<Message> conversation(MessageGroupId group, int limit) {
        PartitionReader.Range range = reader.read(MessageTable.messagesKey(group), SliceQuery.newest(limit));
        return new Report<>(range.items().stream().map(MessageTable::message).toList(), range.capacityUnits());
    }

    /**
     * {@return pattern B's query: the user's group rows, most recent first} One consistent
     * {@code Query} on the user's partition, as the port makes it.
     *
     * @param owner the user whose conversations are listed
     * @param limit at most this many rows; at least 1
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code storage_unavailable} or
     *         {@code storage_throttled} when DynamoDB does not answer
     */
    public Report<MessageGroupRow> conversations(UserId owner, int limit) {
        PartitionReader.Range range = reader.read(MessageTable.rowsKey(owner), SliceQuery.newest(limit));
        return new Report<>(range.items().stream().map(MessageTable::row).toList(), range.capacityUnits());
    }
}
