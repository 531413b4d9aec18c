package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.AppendOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.port.StartOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link MessagingPort} on one DynamoDB table (layout in {@link MessageTable}). Every write is a
 * single {@code TransactWriteItems} request whose conditions keep the port's rules: a sort key
 * that is taken moves the new item to the next microsecond and tries again; a taken message id or
 * pair is reported, never overwritten. Works unchanged against DynamoDB Local and AWS.
 */
public final class DynamoDbMessagingPort implements MessagingPort {
    static final int MAX_WRITE_ATTEMPTS = 16;
    private static final String NOT_EXISTS = "attribute_not_exists(#pk)";
    private static final Map<String, String> PK_NAME = Map.of("#pk", MessageTable.PK);

    private final DynamoDbClient dynamo;
    private final String table;
    private final PartitionReader reader;

    public DynamoDbMessagingPort(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = new PartitionReader(dynamo, table);
    }

    @Override
    public AppendOutcome appendMessage(Message message) {
        Message candidate = message;
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            List<CancellationReason> reasons = transact(List.of(
                    putNew(MessageTable.messageItem(candidate)),
                    putNew(MessageTable.messageIdItem(candidate))));
            if (reasons.isEmpty()) {
                return new AppendOutcome.Appended(candidate);
            }
            if (StorageErrors.failedCondition(reasons, 1)) {
                return new AppendOutcome.AlreadyStored(storedMessage(reasons.get(1).item()));
            }
            if (StorageErrors.failedCondition(reasons, 0)) {
                candidate = candidate.at(nextMicrosecond(candidate.createdAt()));
            }
        }
        throw contended("message " + message.id());
    }

    /**
     * One consistent {@code Query} on the group's partition between the two spellings of the
     * time (with and without a fraction, as the reference may have written it).
     */
    @Override
    public Optional<Message> findMessage(MessageGroupId group, Instant createdAt, MessageId id) {
        try {
            return dynamo.query(request -> request
                            .tableName(table)
                            .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                            .expressionAttributeNames(Map.of("#pk", MessageTable.PK, "#sk", MessageTable.SK))
                            .expressionAttributeValues(Map.of(
                                    ":pk", MessageTable.s(MessageTable.messagesKey(group)),
                                    ":from", MessageTable.s(Timestamps.beforeBound(createdAt)),
                                    ":to", MessageTable.s(Timestamps.format(createdAt))))
                            .consistentRead(true))
                    .items().stream()
                    .map(MessageTable::message)
                    .filter(message -> message.id().equals(id))
                    .findFirst();
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    @Override
    public Slice<Message> messages(MessageGroupId group, SliceQuery query) {
        return slice(reader.read(MessageTable.messagesKey(group), query), MessageTable::message);
    }

    @Override
    public Slice<MessageGroupRow> groupRows(UserId owner, SliceQuery query) {
        return slice(reader.read(MessageTable.rowsKey(owner), query), MessageTable::row);
    }

    @Override
    public List<MessageGroupRow> rowsOfGroup(MessageGroupId group) {
        try {
            return dynamo.queryPaginator(QueryRequest.builder()
                            .tableName(table)
                            .indexName(MessageTable.GROUP_INDEX)
                            .keyConditionExpression("#g = :g")
                            .expressionAttributeNames(Map.of("#g", MessageTable.GROUP_UUID))
                            .expressionAttributeValues(Map.of(":g", MessageTable.s(group.toString())))
                            .build())
                    .items().stream()
                    .map(MessageTable::row)
                    .toList();
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    @Override
    public StartOutcome startConversation(NewConversation conversation) {
        Message first = conversation.first();
        List<MessageGroupRow> rows = new ArrayList<>(conversation.rows());
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>(List.of(
                    putNew(MessageTable.pairItem(conversation.pair(), first.groupId())),
                    putNew(MessageTable.messageIdItem(first)),
                    putNew(MessageTable.messageItem(first))));
            rows.forEach(row -> writes.add(putNew(MessageTable.rowItem(row))));
            List<CancellationReason> reasons = transact(writes);
            if (reasons.isEmpty()) {
                return new StartOutcome.Started(first);
            }
            if (StorageErrors.failedCondition(reasons, 0)) {
                return new StartOutcome.PairExists(MessageTable.pairGroup(reasons.get(0).item()));
            }
            if (StorageErrors.failedCondition(reasons, 1)) {
                return new StartOutcome.MessageIdTaken(storedMessage(reasons.get(1).item()));
            }
            for (int row = 0; row < rows.size(); row++) {
                if (StorageErrors.failedCondition(reasons, 3 + row)) {
                    MessageGroupRow taken = rows.get(row);
                    rows.set(row, taken.advancedTo(taken.lastMessage(), nextMicrosecond(taken.lastMessageAt())));
                }
            }
        }
        throw contended("conversation " + first.groupId());
    }

    /**
     * One transaction: per row, delete it at its old time (only if it is still there, in this
     * group) and put it at the new one (only if the owner has no row at that time). A refused
     * delete means another writer moved the row: nothing is written and the caller reads again.
     * A refused put moves that row a microsecond on, and the transaction is tried again.
     */
    @Override
    public RowsAdvance advanceGroupRows(List<MessageGroupRow> current, MessageText lastMessage, Instant lastMessageAt) {
        if (current.size() > MAX_ROWS_PER_ADVANCE) {
            throw new IllegalArgumentException("at most " + MAX_ROWS_PER_ADVANCE + " rows move at once");
        }
        List<MessageGroupRow> next = current.stream().map(row -> row.advancedTo(lastMessage, lastMessageAt))
                .collect(Collectors.toCollection(ArrayList::new));
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            for (int row = 0; row < current.size(); row++) {
                writes.add(deleteRowAt(current.get(row)));
                writes.add(putNew(MessageTable.rowItem(next.get(row))));
            }
            List<CancellationReason> reasons = transact(writes);
            if (reasons.isEmpty()) {
                return new RowsAdvance.Advanced(next);
            }
            for (int row = 0; row < current.size(); row++) {
                if (StorageErrors.failedCondition(reasons, RowSlots.delete(row))) {
                    return new RowsAdvance.Outdated();
                }
            }
            for (int row = 0; row < current.size(); row++) {
                if (StorageErrors.failedCondition(reasons, RowSlots.put(row))) {
                    MessageGroupRow taken = next.get(row);
                    next.set(row, taken.advancedTo(lastMessage, nextMicrosecond(taken.lastMessageAt())));
                }
            }
        }
        throw contended("group rows of " + current.get(0).groupId());
    }

    /** Where a row's two actions sit in the transaction of {@link #advanceGroupRows}: its delete, then its put. */
    private static final class RowSlots {
        private RowSlots() {
        }

        static int delete(int row) {
            return 2 * row;
        }

        static int put(int row) {
            return 2 * row + 1;
        }
    }

    private TransactWriteItem deleteRowAt(MessageGroupRow row) {
        return TransactWriteItem.builder().delete(delete -> delete
                        .tableName(table)
                        .key(MessageTable.rowKey(row))
                        .conditionExpression("attribute_exists(#pk) AND #g = :g")
                        .expressionAttributeNames(Map.of("#pk", MessageTable.PK, "#g", MessageTable.GROUP_UUID))
                        .expressionAttributeValues(Map.of(":g", MessageTable.s(row.groupId().toString()))))
                .build();
    }

    /**
     * Runs one transaction; no reasons when it committed, else why each item was refused. A
     * conflict with a concurrent transaction comes back as reasons too, and the caller simply
     * tries again.
     */
    private List<CancellationReason> transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(request -> request.transactItems(writes));
            return List.of();
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            boolean explained = reasons.stream().anyMatch(reason ->
                    StorageErrors.CONDITION_FAILED.equals(reason.code())
                            || StorageErrors.TRANSACTION_CONFLICT.equals(reason.code()));
            if (!explained) {
                throw StorageErrors.translate(cancelled);
            }
            return reasons;
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(put -> put
                        .tableName(table)
                        .item(item)
                        .conditionExpression(NOT_EXISTS)
                        .expressionAttributeNames(PK_NAME)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    private Message storedMessage(Map<String, AttributeValue> messageIdItem) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(request -> request
                    .tableName(table)
                    .key(MessageTable.pointedMessageKey(messageIdItem))
                    .consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                throw new MessagingException(ErrorCode.STORAGE_UNAVAILABLE, "a message id points to no message");
            }
            return MessageTable.message(item);
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    private static <T> Slice<T> slice(PartitionReader.Range range, Function<Map<String, AttributeValue>, T> convert) {
        return new Slice<>(range.items().stream().map(convert).toList(), range.more());
    }

    private static Instant nextMicrosecond(Instant time) {
        return time.plus(1, ChronoUnit.MICROS);
    }

    private static MessagingException contended(String what) {
        return new MessagingException(ErrorCode.STORAGE_CONTENDED, what + " met contention on every attempt");
    }
}
