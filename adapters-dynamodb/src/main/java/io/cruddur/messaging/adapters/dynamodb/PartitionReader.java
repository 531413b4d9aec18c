package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.port.SliceQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Reads a range of one partition (a group's messages, a user's group rows) in sort-key order:
 * one Query with {@code Limit = limit + 1}, so that "more" is known rather than guessed. A second
 * Query happens only if DynamoDB stops at its 1 MB page size first. The consumed capacity is
 * asked for only by a reader that reports it.
 */
final class PartitionReader {
    private final DynamoDbClient dynamo;
    private final String table;
    private final ReturnConsumedCapacity capacity;

    /**
     * Items in query order, whether more lie beyond, and the read capacity the queries consumed
     * (0 unless the reader reports capacity).
     */
    record Range(List<Map<String, AttributeValue>> items, boolean more, double capacityUnits) {
    }

    /** A reader for the port: DynamoDB is not asked what the queries consumed. */
    static PartitionReader plain(DynamoDbClient dynamo, String table) {
        return new PartitionReader(dynamo, table, ReturnConsumedCapacity.NONE);
    }

    /** A reader for reports: each query also returns the capacity it consumed. */
    static PartitionReader reportingCapacity(DynamoDbClient dynamo, String table) {
        return new PartitionReader(dynamo, table, ReturnConsumedCapacity.TOTAL);
    }

    private PartitionReader(DynamoDbClient dynamo, String table, ReturnConsumedCapacity capacity) {
        this.dynamo = dynamo;
        this.table = table;
        this.capacity = capacity;
    }

    Range read(String partitionKey, SliceQuery query) {
        boolean newestFirst = query.direction() == SliceQuery.Direction.NEWEST_FIRST;
        Map<String, String> names = new HashMap<>(Map.of("#pk", MessageTable.PK));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", MessageTable.s(partitionKey));
        String condition = "#pk = :pk";
        if (query.from().isPresent()) {
            condition += newestFirst ? " AND #sk < :from" : " AND #sk > :from";
            names.put("#sk", MessageTable.SK);
            values.put(":from", MessageTable.s(newestFirst
                    ? Timestamps.beforeBound(query.from().get())
                    : Timestamps.afterBound(query.from().get())));
        }
        int wanted = query.limit() + 1;
        List<Map<String, AttributeValue>> items = new ArrayList<>(wanted);
        double consumed = 0;
        Map<String, AttributeValue> startKey = null;
        try {
            do {
                QueryResponse response = dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(!newestFirst)
                        .consistentRead(true)
                        .limit(wanted - items.size())
                        .exclusiveStartKey(startKey)
                        .returnConsumedCapacity(capacity)
                        .build());
                items.addAll(response.items());
                if (response.consumedCapacity() != null && response.consumedCapacity().capacityUnits() != null) {
                    consumed += response.consumedCapacity().capacityUnits();
                }
                startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
            } while (startKey != null && items.size() < wanted);
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
        boolean more = items.size() > query.limit();
        return new Range(more ? items.subList(0, query.limit()) : items, more, consumed);
    }
}
