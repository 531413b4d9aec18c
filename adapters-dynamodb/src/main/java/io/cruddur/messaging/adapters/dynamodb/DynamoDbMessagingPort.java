package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.AppendOutcome;
import io.cruddur.messaging.core.port.MembershipChange;
import io.cruddur.messaging.core.port.MembershipOutcome;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.RevisionOutcome;
import io.cruddur.messaging.core.port.RowChange;
import io.cruddur.messaging.core.port.RowsAdvance;
import io.cruddur.messaging.core.port.Slice;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.port.StartOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link MessagingPort} on one DynamoDB table (layout in {@link MessageTable}). Every write is a
 * single {@code TransactWriteItems} request whose conditions keep the port's rules: a sort key
 * that is taken moves the new item to the next microsecond and tries again; a taken message id or
 * pair is reported, never overwritten. Works unchanged against a local engine and AWS.
 */
public final class DynamoDbMessagingPort implements MessagingPort {
    static final int MAX_WRITE_ATTEMPTS = 16;
    private static final String NOT_EXISTS = "attribute_not_exists(#pk)";
    private static final Map<String, String> PK_NAME = Map.of("#pk", MessageTable.PK);
    private static final String LATEST_MOVES = "SET #t = :t";
    private static final String LATEST_IS_EARLIER = "#t < :t";
    private static final String LATEST_IS_EARLIER_OR_MISSING = "attribute_not_exists(#t) OR #t < :t";
    private static final Map<String, String> LATEST_NAMES = Map.of("#t", MessageTable.LAST_MESSAGE_AT);

    private final DynamoDbClient dynamo;
    private final String table;
    private final PartitionReader reader;

    /**
     * A port on {@code table}; the client stays the caller's to close.
     *
     * @param dynamo the client every request goes through (one per process, shared)
     * @param table  the message table, which must exist with the layout {@link TableAdmin} creates
     */
    public DynamoDbMessagingPort(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.reader = PartitionReader.plain(dynamo, table);
    }

    /**
     * One transaction: the group's latest item moved forward to the message's time (only forward),
     * the message and its message-id item put new. A latest item already at or past that time
     * moves the message to the microsecond after it, and the transaction is tried again. A group
     * without one (written before it existed, or by the reference backend) has its newest message
     * read instead, and the item is created with the message, after it.
     */
    @Override
    public AppendOutcome appendMessage(Message message) {
        return untilDone("message " + message.id(), new Append(message, false), attempt -> {
            Message candidate = attempt.message();
            Transaction writes = new Transaction();
            Transaction.Slot latest = writes.add(attempt.withoutLatest()
                    ? putNew(MessageTable.latestItem(candidate)) : moveLatestTo(candidate));
            Transaction.Slot stored = writes.add(putNew(MessageTable.messageItem(candidate)));
            Transaction.Slot sentId = writes.add(putNew(MessageTable.messageIdItem(candidate)));
            Transaction.Refusals refused = transact(writes);
            if (refused.committed()) {
                return done(new AppendOutcome.Appended(candidate));
            }
            if (refused.conditionFailed(sentId)) {
                return done(new AppendOutcome.AlreadyStored(storedMessage(refused.itemAt(sentId))));
            }
            if (refused.conditionFailed(latest)) {
                Map<String, AttributeValue> item = refused.itemAt(latest);
                if (item == null || item.isEmpty()) {
                    Optional<Instant> newest = messages(candidate.groupId(), SliceQuery.newest(1)).items().stream()
                            .findFirst().map(Message::createdAt);
                    return again(new Append(after(candidate, newest), true));
                }
                return again(new Append(after(candidate, Optional.of(MessageTable.latestTime(item))), false));
            }
            return again(new Append(refused.conditionFailed(stored)
                    ? candidate.at(nextMicrosecond(candidate.createdAt())) : candidate, attempt.withoutLatest()));
        });
    }

    /** A message to append, and whether its group was found to have no latest item yet. */
    private record Append(Message message, boolean withoutLatest) {
    }

    /** {@code message}, or a microsecond after {@code latest} when that is not earlier than it. */
    private static Message after(Message message, Optional<Instant> latest) {
        return latest.map(DynamoDbMessagingPort::nextMicrosecond)
                .filter(next -> next.isAfter(message.createdAt()))
                .map(message::at)
                .orElse(message);
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

    /** One consistent {@code GetItem} of the sender's message-id item, one of the message it points to. */
    @Override
    public Optional<Message> sentMessage(UserId sender, MessageId id) {
        try {
            Map<String, AttributeValue> idItem = dynamo.getItem(request -> request
                    .tableName(table)
                    .key(MessageTable.messageIdKey(sender, id))
                    .consistentRead(true)).item();
            return idItem == null || idItem.isEmpty() ? Optional.empty() : Optional.of(storedMessage(idItem));
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    /** One consistent {@code BatchGetItem} of the candidates' message-id items (and again for any left unprocessed). */
    @Override
    public Set<UserId> sendersOf(MessageGroupId group, MessageId id, Set<UserId> candidates) {
        if (candidates.size() > MAX_ROWS_PER_ADVANCE) {
            throw new IllegalArgumentException("at most " + MAX_ROWS_PER_ADVANCE + " senders are looked at once");
        }
        Map<Map<String, AttributeValue>, UserId> senderOfKey = new HashMap<>();
        candidates.forEach(sender -> senderOfKey.put(MessageTable.messageIdKey(sender, id), sender));
        AttributeValue groupMessages = MessageTable.s(MessageTable.messagesKey(group));
        Set<UserId> senders = new HashSet<>();
        Map<String, KeysAndAttributes> wanted = senderOfKey.isEmpty() ? Map.of()
                : Map.of(table, KeysAndAttributes.builder().keys(senderOfKey.keySet()).consistentRead(true).build());
        try {
            for (int round = 0; !wanted.isEmpty(); round++) {
                if (round == MAX_WRITE_ATTEMPTS) {
                    throw new MessagingException(ErrorCode.STORAGE_THROTTLED, "message ids kept coming back unread");
                }
                Map<String, KeysAndAttributes> asked = wanted;
                BatchGetItemResponse answer = dynamo.batchGetItem(request -> request.requestItems(asked));
                answer.responses().getOrDefault(table, List.of()).stream()
                        .filter(item -> groupMessages.equals(item.get(MessageTable.MESSAGE_PK)))
                        .forEach(item -> senders.add(senderOfKey.get(Map.of(
                                MessageTable.PK, item.get(MessageTable.PK), MessageTable.SK, item.get(MessageTable.SK)))));
                wanted = answer.unprocessedKeys();
            }
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
        return Set.copyOf(senders);
    }

    /**
     * One conditional {@code PutItem} of the revised message over the stored one, only if that
     * still reads as {@code current} (text, edit time, not deleted).
     */
    @Override
    public RevisionOutcome reviseMessage(Message current, Message revised) {
        if (!revised.isRevisionOf(current)) {
            throw new IllegalArgumentException("a revision edits or deletes the same message in place");
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", MessageTable.s(current.id().toString()));
        values.put(":sender", MessageTable.s(current.sender().id().toString()));
        values.put(":text", MessageTable.s(current.deleted() ? "" : current.text().value()));
        current.editedAt().ifPresent(at -> values.put(":edited", MessageTable.s(Timestamps.format(at))));
        String condition = "attribute_exists(#pk) AND #id = :id AND #sender = :sender AND #text = :text"
                + (current.editedAt().isPresent() ? " AND #edited = :edited" : " AND attribute_not_exists(#edited)")
                + (current.deleted() ? " AND attribute_exists(#deleted)" : " AND attribute_not_exists(#deleted)");
        try {
            dynamo.putItem(request -> request
                    .tableName(table)
                    .item(MessageTable.messageItem(revised))
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#pk", MessageTable.PK, "#id", MessageTable.MESSAGE_UUID,
                            "#sender", MessageTable.USER_UUID, "#text", MessageTable.MESSAGE,
                            "#edited", MessageTable.EDITED_AT, "#deleted", MessageTable.DELETED_AT))
                    .expressionAttributeValues(values));
            return new RevisionOutcome.Revised(revised);
        } catch (ConditionalCheckFailedException changed) {
            return new RevisionOutcome.Outdated();
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

    /** The pair's record is checked before the message id's, so a pair that has its group wins. */
    @Override
    public StartOutcome startConversation(NewConversation conversation) {
        Message first = conversation.first();
        return untilDone("conversation " + first.groupId(), conversation.rows(), rows -> {
            Transaction writes = new Transaction();
            Optional<Transaction.Slot> pair = conversation.pair()
                    .map(pairOfUsers -> writes.add(putNew(MessageTable.pairItem(pairOfUsers, first.groupId()))));
            Transaction.Slot sentId = writes.add(putNew(MessageTable.messageIdItem(first)));
            writes.add(putNew(MessageTable.messageItem(first)));
            writes.add(putNew(MessageTable.latestItem(first)));
            conversation.groupMembers().ifPresent(members -> writes.add(putNew(MessageTable.membersItem(members))));
            List<Transaction.Slot> rowSlots = rows.stream().map(row -> writes.add(putNew(MessageTable.rowItem(row))))
                    .toList();
            Transaction.Refusals refused = transact(writes);
            if (refused.committed()) {
                return done(new StartOutcome.Started(first));
            }
            if (pair.isPresent() && refused.conditionFailed(pair.get())) {
                return done(new StartOutcome.PairExists(MessageTable.pairGroup(refused.itemAt(pair.get()))));
            }
            if (refused.conditionFailed(sentId)) {
                return done(new StartOutcome.MessageIdTaken(storedMessage(refused.itemAt(sentId))));
            }
            return again(movedOn(rows, row -> refused.conditionFailed(rowSlots.get(row))));
        });
    }

    /** One consistent {@code GetItem} of the group's members item. */
    @Override
    public Optional<GroupMembers> groupMembers(MessageGroupId group) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(request -> request
                    .tableName(table)
                    .key(MessageTable.membersKey(group))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(MessageTable.groupMembers(item));
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    /**
     * One transaction: the members item replaced only at the version read; each leaving row
     * deleted and each staying row replaced in place, only if unchanged; each joining row put new.
     * A refused put of a joining row moves it a microsecond on, and the transaction is tried again.
     */
    @Override
    public MembershipOutcome changeMembers(MembershipChange change) {
        return untilDone("members of group " + change.before().group(), change.joining(), joining -> {
            Transaction writes = new Transaction();
            List<Transaction.Slot> asRead = new ArrayList<>();
            asRead.add(writes.add(replaceMembers(change.before(), change.after())));
            change.leaving().forEach(row -> asRead.add(writes.add(deleteRowAt(row))));
            List<MessageGroupRow> restated = new ArrayList<>();
            for (MessageGroupRow before : change.staying()) {
                MessageGroupRow after = change.restated(before);
                restated.add(after);
                asRead.add(writes.add(replaceRow(before, after)));
            }
            List<Transaction.Slot> joiningSlots = joining.stream()
                    .map(row -> writes.add(putNew(MessageTable.rowItem(row)))).toList();
            Transaction.Refusals refused = transact(writes);
            if (refused.committed()) {
                List<MessageGroupRow> rows = new ArrayList<>(restated);
                rows.addAll(joining);
                return done(new MembershipOutcome.Changed(change.after(), rows));
            }
            if (asRead.stream().anyMatch(refused::conditionFailed)) {
                return done(new MembershipOutcome.Outdated());
            }
            return again(movedOn(joining, row -> refused.conditionFailed(joiningSlots.get(row))));
        });
    }

    /**
     * One transaction: a row rewritten in place is put again at its own time, only if it is still
     * exactly as read; a row moved on is deleted at its old time (only if still exactly as read)
     * and put at the new one (only if the owner has no row at that time). A refused condition on a
     * row as read means another writer changed it: nothing is written and the caller reads again.
     * A refused put moves that row a microsecond on, and the transaction is tried again.
     */
    @Override
    public RowsAdvance replaceGroupRows(List<RowChange> changes) {
        List<RowChange> checked = RowChange.ofOneWrite(changes);
        List<MessageGroupRow> wanted = checked.stream().map(RowChange::after).toList();
        return untilDone("group rows of " + checked.get(0).before().groupId(), wanted, next -> {
            Transaction writes = new Transaction();
            List<Transaction.Slot> asRead = new ArrayList<>();
            List<Optional<Transaction.Slot>> puts = new ArrayList<>();
            for (int row = 0; row < checked.size(); row++) {
                MessageGroupRow before = checked.get(row).before();
                if (checked.get(row).inPlace()) {
                    asRead.add(writes.add(replaceRow(before, next.get(row))));
                    puts.add(Optional.empty());
                } else {
                    asRead.add(writes.add(deleteRowAt(before)));
                    puts.add(Optional.of(writes.add(putNew(MessageTable.rowItem(next.get(row))))));
                }
            }
            Transaction.Refusals refused = transact(writes);
            if (refused.committed()) {
                return done(new RowsAdvance.Advanced(next));
            }
            if (asRead.stream().anyMatch(refused::conditionFailed)) {
                return done(new RowsAdvance.Outdated());
            }
            return again(movedOn(next, row -> puts.get(row).filter(refused::conditionFailed).isPresent()));
        });
    }

    /** {@code rows} with each row whose put was refused a microsecond later. */
    private static List<MessageGroupRow> movedOn(List<MessageGroupRow> rows, IntPredicate putRefused) {
        List<MessageGroupRow> next = new ArrayList<>(rows.size());
        for (int row = 0; row < rows.size(); row++) {
            MessageGroupRow candidate = rows.get(row);
            next.add(putRefused.test(row)
                    ? candidate.advancedTo(candidate.lastMessage(), nextMicrosecond(candidate.lastMessageAt()))
                    : candidate);
        }
        return next;
    }

    /** What one attempt of a write came to: its result, or what to try again with. */
    private sealed interface Attempt<S, T> {
        record Done<S, T>(T result) implements Attempt<S, T> {
        }

        record Again<S, T>(S next) implements Attempt<S, T> {
        }
    }

    private static <S, T> Attempt<S, T> done(T result) {
        return new Attempt.Done<>(result);
    }

    private static <S, T> Attempt<S, T> again(S next) {
        return new Attempt.Again<>(next);
    }

    /**
     * Runs {@code attempt} from {@code first} until it is done, each time with what the previous
     * attempt gave to try again with (a taken sort key moved on, or the same after a conflict);
     * {@code storage_contended} after {@value #MAX_WRITE_ATTEMPTS} attempts.
     */
    private static <S, T> T untilDone(String what, S first, Function<S, Attempt<S, T>> attempt) {
        S state = first;
        for (int tried = 0; tried < MAX_WRITE_ATTEMPTS; tried++) {
            Attempt<S, T> outcome = attempt.apply(state);
            if (outcome instanceof Attempt.Done<S, T> done) {
                return done.result();
            }
            state = ((Attempt.Again<S, T>) outcome).next();
        }
        throw new MessagingException(ErrorCode.STORAGE_CONTENDED, what + " met contention on every attempt");
    }

    private TransactWriteItem deleteRowAt(MessageGroupRow row) {
        return TransactWriteItem.builder().delete(delete -> delete
                        .tableName(table)
                        .key(MessageTable.rowKey(row))
                        .conditionExpression(unchangedCondition(row))
                        .expressionAttributeNames(unchangedNames(row))
                        .expressionAttributeValues(unchanged(row)))
                .build();
    }

    /** Puts {@code after} over {@code before}, at the same key, only if {@code before} is still exactly as read. */
    private TransactWriteItem replaceRow(MessageGroupRow before, MessageGroupRow after) {
        return TransactWriteItem.builder().put(put -> put
                        .tableName(table)
                        .item(MessageTable.rowItem(after))
                        .conditionExpression(unchangedCondition(before))
                        .expressionAttributeNames(unchangedNames(before))
                        .expressionAttributeValues(unchanged(before)))
                .build();
    }

    /**
     * The condition that a row is still exactly as read: there (at its time), in its group, with
     * its text (an edit or a delete rewrites it in place), its read state (marking read rewrites
     * it) and, for a group's row, showing the same members (a change of members rewrites them). A
     * pair's row shows a person who never changes. A row the reference wrote has no read state: it
     * reads as read up to its own message, so its missing {@code unread} stands for that.
     */
    private static String unchangedCondition(MessageGroupRow row) {
        String condition = "attribute_exists(#pk) AND #g = :g AND #m = :m"
                + (row.read().unread() == 0 ? " AND (attribute_not_exists(#u) OR #u = :u)" : " AND #u = :u")
                + (row.read().readUpTo().isPresent() ? " AND (#r = :r OR attribute_not_exists(#u))"
                        : " AND attribute_not_exists(#r)");
        return row.counterpart() instanceof Counterpart.Group ? condition + " AND #n = :n AND #d = :d" : condition;
    }

    private static Map<String, String> unchangedNames(MessageGroupRow row) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", MessageTable.PK, "#g", MessageTable.GROUP_UUID,
                "#m", MessageTable.MESSAGE, "#u", MessageTable.UNREAD, "#r", MessageTable.READ_AT));
        if (row.counterpart() instanceof Counterpart.Group) {
            names.put("#n", MessageTable.GROUP_MEMBERS);
            names.put("#d", MessageTable.USER_DISPLAY_NAME);
        }
        return names;
    }

    private static Map<String, AttributeValue> unchanged(MessageGroupRow row) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":g", MessageTable.s(row.groupId().toString()),
                ":m", MessageTable.s(row.lastMessage().value()),
                ":u", MessageTable.n(row.read().unread())));
        row.read().readUpTo().ifPresent(at -> values.put(":r", MessageTable.s(Timestamps.format(at))));
        if (row.counterpart() instanceof Counterpart.Group shown) {
            values.put(":n", MessageTable.n(shown.members()));
            values.put(":d", MessageTable.s(shown.displayName()));
        }
        return values;
    }

    /**
     * Moves the group's latest item forward to the message's time, only if it is there and earlier;
     * refused with the item as it stands (none when it is missing), so the message can be placed
     * after it.
     */
    private TransactWriteItem moveLatestTo(Message message) {
        return TransactWriteItem.builder().update(update -> update
                        .tableName(table)
                        .key(MessageTable.latestKey(message.groupId()))
                        .updateExpression(LATEST_MOVES)
                        .conditionExpression(LATEST_IS_EARLIER)
                        .expressionAttributeNames(LATEST_NAMES)
                        .expressionAttributeValues(latestValues(message))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    /**
     * Moves the group's latest item forward to {@code message} when it is earlier (or creates it), for messages
     * written outside {@link #appendMessage} (the bulk seeder's): one conditional {@code UpdateItem}.
     */
    void keepLatestAtLeast(Message message) {
        try {
            dynamo.updateItem(update -> update
                    .tableName(table)
                    .key(MessageTable.latestKey(message.groupId()))
                    .updateExpression(LATEST_MOVES)
                    .conditionExpression(LATEST_IS_EARLIER_OR_MISSING)
                    .expressionAttributeNames(LATEST_NAMES)
                    .expressionAttributeValues(latestValues(message)));
        } catch (ConditionalCheckFailedException laterAlready) {
            // a later message is the group's latest: nothing to move
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
    }

    private static Map<String, AttributeValue> latestValues(Message message) {
        return Map.of(":t", MessageTable.s(Timestamps.format(message.createdAt())));
    }

    private TransactWriteItem replaceMembers(GroupMembers before, GroupMembers after) {
        return TransactWriteItem.builder().put(put -> put
                        .tableName(table)
                        .item(MessageTable.membersItem(after))
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", MessageTable.MEMBERS_VERSION))
                        .expressionAttributeValues(Map.of(":v", MessageTable.n(before.version()))))
                .build();
    }

    /**
     * Runs one transaction; no reasons when it committed, else why each item was refused. A
     * conflict with a concurrent transaction comes back as reasons too, and the caller simply
     * tries again.
     */
    private Transaction.Refusals transact(Transaction writes) {
        try {
            dynamo.transactWriteItems(request -> request.transactItems(writes.actions()));
            return Transaction.Refusals.NONE;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            boolean explained = reasons.stream().anyMatch(reason ->
                    StorageErrors.CONDITION_FAILED.equals(reason.code())
                            || StorageErrors.TRANSACTION_CONFLICT.equals(reason.code()));
            if (!explained) {
                throw StorageErrors.translate(cancelled);
            }
            return new Transaction.Refusals(reasons);
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
}
