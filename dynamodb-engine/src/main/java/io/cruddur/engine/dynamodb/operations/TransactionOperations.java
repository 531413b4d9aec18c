package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.expressions.Update;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.Items;
import io.cruddur.engine.dynamodb.storage.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * TransactWriteItems and TransactGetItems: all or nothing, a cancellation reason per action, and
 * ClientRequestToken idempotency for ten minutes.
 */
final class TransactionOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ACTIONS = 100;
    private static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final Database db;
    private final Map<String, CompletedTransaction> tokens = new LinkedHashMap<>();

    TransactionOperations(Database db) {
        this.db = db;
    }

    private record CompletedTransaction(JsonNode items, ObjectNode response, long completedAtMillis) {
    }

    /** One action of a write transaction, parsed and checked before anything is read. */
    private record Action(String kind, String tableName, Map<String, Value> key, Map<String, Value> item, Update update,
            Predicate<Map<String, Value>> condition, boolean returnOldOnFailure) {
    }

    ObjectNode transactWriteItems(JsonNode request) {
        JsonNode transactItems = transactItems(request);
        String token = Requests.optional(request, "ClientRequestToken", null);
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw Requests.constraint(token, "clientRequestToken", "Member must have length less than or equal to 36");
        }
        Capacity.Mode mode = Capacity.mode(request);
        List<Action> actions = new ArrayList<>();
        long requestBytes = 0;
        for (JsonNode transactItem : transactItems) {
            Action action = action(transactItem);
            if (action.item() != null) {
                requestBytes += Items.size(action.item());
            }
            actions.add(action);
        }
        if (requestBytes > MAX_REQUEST_BYTES) {
            throw ApiException.validation("Transaction request size cannot exceed 4 MB");
        }
        db.lock().writeLock().lock();
        try {
            if (token != null) {
                ObjectNode replay = replay(token, transactItems);
                if (replay != null) {
                    return replay;
                }
            }
            Set<List<Object>> seen = new HashSet<>();
            List<Map<String, Value>> olds = new ArrayList<>();
            List<Map<String, Value>> news = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            List<ObjectNode> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (Action action : actions) {
                Table table = db.table(action.tableName());
                Map<String, Value> key = action.item() != null ? table.keyOf(action.item()) : action.key();
                if (!seen.add(List.of(action.tableName(), key))) {
                    throw ApiException.validation("Transaction request cannot include multiple operations on one item");
                }
            }
            boolean invalid = false;
            for (Action action : actions) {
                Table table = db.table(action.tableName());
                ObjectNode reason = NODES.objectNode();
                Map<String, Value> old = null;
                Map<String, Value> updated = null;
                if (invalid) {
                    // DynamoDB stops at the first invalid action: those after it are not looked at.
                    olds.add(null);
                    news.add(null);
                    codes.add("None");
                    reasons.add(reason.put("Code", "None"));
                    continue;
                }
                try {
                    Map<String, Value> key;
                    if (action.item() != null) {
                        Keys.checkItem(table, action.item(), false);
                        key = table.keyOf(action.item());
                    } else {
                        Keys.checkKey(table, action.key());
                        key = action.key();
                    }
                    old = table.get(key);
                    if (action.condition() != null && !action.condition().test(old == null ? Map.of() : old)) {
                        reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                        if (action.returnOldOnFailure() && old != null) {
                            reason.set("Item", JsonValues.itemJson(old));
                        }
                        cancelled = true;
                    } else {
                        updated = switch (action.kind()) {
                            case "Put" -> action.item();
                            case "Update" -> {
                                Map<String, Value> result = action.update().apply(old == null ? key : old);
                                for (String attribute : action.update().topLevelAttributes()) {
                                    if (table.key().isKeyAttribute(attribute)) {
                                        throw ApiException.validation("One or more parameter values were invalid: Cannot "
                                                + "update attribute " + attribute + ". This attribute is part of the key");
                                    }
                                }
                                Keys.checkItem(table, result, true);
                                yield result;
                            }
                            default -> old;
                        };
                        reason.put("Code", "None");
                    }
                } catch (ApiException refused) {
                    if (!refused.errorType().equals("ValidationException")) {
                        throw refused;
                    }
                    reason.removeAll();
                    reason.put("Code", "ValidationError").put("Message", refused.getMessage());
                    cancelled = true;
                    invalid = true;
                }
                olds.add(old);
                news.add(updated);
                codes.add(reason.get("Code").asText());
                reasons.add(reason);
            }
            if (!cancelled && db.faults().conflictNow()) {
                reasons.set(0, NODES.objectNode().put("Code", "TransactionConflict")
                        .put("Message", "Transaction is ongoing for the item"));
                codes.set(0, "TransactionConflict");
                cancelled = true;
            }
            if (cancelled) {
                ArrayNode reasonsJson = NODES.arrayNode();
                reasons.forEach(reasonsJson::add);
                throw new ApiException("TransactionCanceledException",
                        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, 400,
                        Map.of("CancellationReasons", reasonsJson));
            }
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            for (int i = 0; i < actions.size(); i++) {
                Action action = actions.get(i);
                Table table = db.table(action.tableName());
                Map<String, Value> key = action.item() != null ? table.keyOf(action.item()) : action.key();
                Capacity capacity;
                switch (action.kind()) {
                    case "ConditionCheck" -> capacity = new Capacity(table.name(), true)
                            .addTable(Capacity.readUnits(olds.get(i) == null ? 0 : Items.size(olds.get(i)), true, true));
                    case "Delete" -> capacity = ItemWrites.apply(db, table, key, olds.get(i), null, true);
                    default -> capacity = ItemWrites.apply(db, table, key, olds.get(i), news.get(i), true);
                }
                capacities.computeIfAbsent(table.name(), name -> new Capacity(name, true)).merge(capacity);
            }
            db.commit();
            ObjectNode response = NODES.objectNode();
            BatchOperations.putCapacities(response, capacities, mode);
            if (token != null) {
                tokens.put(token, new CompletedTransaction(transactItems, response, db.nowMillis()));
            }
            return response;
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode transactGetItems(JsonNode request) {
        JsonNode transactItems = transactItems(request);
        Capacity.Mode mode = Capacity.mode(request);
        record Get(String tableName, Map<String, Value> key, UnaryOperator<Map<String, Value>> projection) {
        }
        List<Get> gets = new ArrayList<>();
        for (JsonNode transactItem : transactItems) {
            JsonNode get = ItemOperations.requiredObject(transactItem, "Get");
            Expressions expressions = new Expressions(get);
            UnaryOperator<Map<String, Value>> projection = expressions.projection();
            expressions.checkPlaceholders("ProjectionExpression");
            gets.add(new Get(Requests.tableName(get), JsonValues.item(ItemOperations.requiredObject(get, "Key")), projection));
        }
        db.lock().readLock().lock();
        try {
            Set<List<Object>> seen = new HashSet<>();
            for (Get get : gets) {
                Keys.checkKey(db.table(get.tableName()), get.key());
                if (!seen.add(List.of(get.tableName(), get.key()))) {
                    throw ApiException.validation("Transaction request cannot include multiple operations on one item");
                }
            }
            ObjectNode response = NODES.objectNode();
            ArrayNode responses = response.putArray("Responses");
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            for (Get get : gets) {
                Map<String, Value> item = db.table(get.tableName()).get(get.key());
                ObjectNode entry = responses.addObject();
                if (item != null) {
                    entry.set("Item", JsonValues.itemJson(get.projection() == null ? item : get.projection().apply(item)));
                }
                capacities.computeIfAbsent(get.tableName(), name -> new Capacity(name, false))
                        .addTable(Capacity.readUnits(item == null ? 0 : Items.size(item), true, true));
            }
            BatchOperations.putCapacities(response, capacities, mode);
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    private ObjectNode replay(String token, JsonNode transactItems) {
        long now = db.nowMillis();
        tokens.values().removeIf(done -> now - done.completedAtMillis() > TOKEN_LIFETIME.toMillis());
        CompletedTransaction done = tokens.get(token);
        if (done == null) {
            return null;
        }
        if (!done.items().equals(transactItems)) {
            throw new ApiException("IdempotentParameterMismatchException",
                    "DynamoDB rejected the request because you retried a request with a different payload but with an "
                            + "idempotent token that was already used.");
        }
        return done.response().deepCopy();
    }

    private static JsonNode transactItems(JsonNode request) {
        JsonNode transactItems = ItemOperations.requiredObject(request, "TransactItems");
        if (transactItems.isEmpty()) {
            throw Requests.constraint("[]", "transactItems", "Member must have length greater than or equal to 1");
        }
        if (transactItems.size() > MAX_ACTIONS) {
            throw ApiException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_ACTIONS);
        }
        return transactItems;
    }

    private static Action action(JsonNode transactItem) {
        String kind = null;
        JsonNode body = null;
        for (String candidate : List.of("ConditionCheck", "Put", "Delete", "Update")) {
            JsonNode node = transactItem.get(candidate);
            if (node != null && !node.isNull()) {
                if (kind != null) {
                    throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
                }
                kind = candidate;
                body = node;
            }
        }
        if (kind == null) {
            throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String tableName = Requests.tableName(body);
        Expressions expressions = new Expressions(body);
        boolean returnOld = ItemOperations.returnOldOnFailure(body);
        if (kind.equals("ConditionCheck") && !body.has("ConditionExpression")) {
            throw ApiException.validation("The parameter 'ConditionExpression' is required but was not present in the request");
        }
        Predicate<Map<String, Value>> condition = expressions.condition();
        Update update = null;
        Map<String, Value> item = null;
        Map<String, Value> key = null;
        if (kind.equals("Put")) {
            item = JsonValues.item(ItemOperations.requiredObject(body, "Item"));
        } else {
            key = JsonValues.item(ItemOperations.requiredObject(body, "Key"));
        }
        if (kind.equals("Update")) {
            update = Update.parse(Requests.required(body, "UpdateExpression"), expressions.context());
            expressions.checkPlaceholders("UpdateExpression", "ConditionExpression");
        } else {
            expressions.checkPlaceholders("ConditionExpression");
        }
        return new Action(kind, tableName, key, item, update, condition, returnOld);
    }
}
