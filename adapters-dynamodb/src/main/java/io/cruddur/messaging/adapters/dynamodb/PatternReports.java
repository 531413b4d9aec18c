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

    /** What a pattern query returned, newest first, and the capacity units it consumed. */
    public record Report<T>(List<T> items, double capacityUnits) {
        public Report {
            items = List.copyOf(items);
        }
    }

    public PatternReports(DynamoDbClient dynamo, String table) {
        this.reader = PartitionReader.reportingCapacity(dynamo, table);
    }

    public Report<Message> conversation(MessageGroupId group, int limit) {
        PartitionReader.Range range = reader.read(MessageTable.messagesKey(group), SliceQuery.newest(limit));
        return new Report<>(range.items().stream().map(MessageTable::message).toList(), range.capacityUnits());
    }

    public Report<MessageGroupRow> conversations(UserId owner, int limit) {
        PartitionReader.Range range = reader.read(MessageTable.rowsKey(owner), SliceQuery.newest(limit));
        return new Report<>(range.items().stream().map(MessageTable::row).toList(), range.capacityUnits());
    }
}
