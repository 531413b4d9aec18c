package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.expressions.Update;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.Items;
import io.cruddur.engine.dynamodb.storage.Table;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NONE_OR_ALL_OLD = Set.of("NONE", "ALL_OLD");

    private final Database db;

    ItemOperations(Database db) {
        this.db = db;
    }

    ObjectNode putItem(JsonNode request) {
        return replaceOrRemove(request, JsonValues.item(requiredObject(request, "Item")), null);
    }

    ObjectNode getItem(JsonNode request) {
        String tableName = Requests.tableName(request);
        Map<String, Value> key = JsonValues.item(requiredObject(request, "Key"));
        boolean consistent = Requests.flag(request, "ConsistentRead");
        Capacity.Mode mode = Capacity.mode(request);
        Expressions expressions = new Expressions(request);
        UnaryOperator<Map<String, Value>> projection = expressions.projection();
        expressions.checkPlaceholders("ProjectionExpression");
        db.lock().readLock().lock();
        try {
            Table table = db.table(tableName);
            Keys.checkKey(table, key);
            Map<String, Value> item = table.get(key);
            ObjectNode response = NODES.objectNode();
            if (item != null) {
                response.set("Item", JsonValues.itemJson(projection == null ? item : projection.apply(item)));
            }
            Capacity capacity = new Capacity(tableName, false)
                    .addTable(Capacity.readUnits(item == null ? 0 : Items.size(item), consistent, false));
            putCapacity(response, capacity, mode);
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    ObjectNode updateItem(JsonNode request) {
        String tableName = Requests.tableName(request);
        Map<String, Value> key = JsonValues.item(requiredObject(request, "Key"));
        String returnValues = Requests.choice(request, "ReturnValues", "returnValues", "NONE",
                Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        boolean returnOldOnFailure = returnOldOnFailure(request);
        Capacity.Mode mode = Capacity.mode(request);
        Expressions expressions = new Expressions(request);
        String updateExpression = Requests.optional(request, "UpdateExpression", null);
        JsonNode attributeUpdates = request.get("AttributeUpdates");
        boolean hasAttributeUpdates = attributeUpdates != null && !attributeUpdates.isNull();
        Update update = updateExpression == null ? null : Update.parse(updateExpression, expressions.context());
        Predicate<Map<String, Value>> condition = expressions.condition();
        expressions.checkPlaceholders("UpdateExpression", "ConditionExpression");
        db.lock().writeLock().lock();
        try {
            Table table = db.table(tableName);
            Keys.checkKey(table, key);
            Set<String> touched = update != null ? update.topLevelAttributes()
                    : hasAttributeUpdates ? fieldNames(attributeUpdates) : Set.of();
            for (String attribute : touched) {
                if (table.key().isKeyAttribute(attribute)) {
                    throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute "
                            + attribute + ". This attribute is part of the key");
                }
            }
            Map<String, Value> old = table.get(key);
            if (condition != null && !condition.test(old == null ? Map.of() : old)) {
                throw ItemWrites.conditionFailed(old, returnOldOnFailure);
            }
            Map<String, Value> base = old == null ? key : old;
            Map<String, Value> updated;
            if (update != null) {
                updated = old == null && update.onlyRemoves() ? base : update.apply(base);
            } else if (hasAttributeUpdates) {
                updated = Legacy.applyUpdates(attributeUpdates, base, Set.copyOf(table.keyOf(key).keySet()));
            } else {
                updated = base;
            }
            boolean removalsOnMissingItem = old == null && updated.equals(key)
                    && (update != null || (hasAttributeUpdates && !attributeUpdates.isEmpty()));
            Capacity capacity;
            if (removalsOnMissingItem) {
                capacity = ItemWrites.failedCondition(table, null, false);
            } else {
                Keys.checkItem(table, updated, true);
                capacity = ItemWrites.apply(db, table, key, old, updated, false);
                db.commit();
            }
            ObjectNode response = NODES.objectNode();
            Map<String, Value> after = removalsOnMissingItem ? null : updated;
            Map<String, Value> returned = update != null && returnValues.startsWith("UPDATED_")
                    ? updatedPaths(update, returnValues.equals("UPDATED_OLD") ? old : after)
                    : returned(returnValues, old, after, touched);
            if (returned != null && !returned.isEmpty()) {
                response.set("Attributes", JsonValues.itemJson(returned));
            }
            putCapacity(response, capacity, mode);
            return response;
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode deleteItem(JsonNode request) {
        return replaceOrRemove(request, null, JsonValues.item(requiredObject(request, "Key")));
    }

    /** PutItem ({@code item} given) or DeleteItem ({@code key} given): one conditional write of a whole item. */
    private ObjectNode replaceOrRemove(JsonNode request, Map<String, Value> item, Map<String, Value> key) {
        String tableName = Requests.tableName(request);
        String returnValues = Requests.optional(request, "ReturnValues", "NONE");
        if (!NONE_OR_ALL_OLD.contains(returnValues)) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        boolean returnOldOnFailure = returnOldOnFailure(request);
        Capacity.Mode mode = Capacity.mode(request);
        Expressions expressions = new Expressions(request);
        Predicate<Map<String, Value>> condition = expressions.condition();
        expressions.checkPlaceholders("ConditionExpression");
        db.lock().writeLock().lock();
        try {
            Table table = db.table(tableName);
            Map<String, Value> keys;
            if (item != null) {
                Keys.checkItem(table, item, false);
                keys = table.keyOf(item);
            } else {
                Keys.checkKey(table, key);
                keys = key;
            }
            Map<String, Value> old = table.get(keys);
            if (condition != null && !condition.test(old == null ? Map.of() : old)) {
                throw ItemWrites.conditionFailed(old, returnOldOnFailure);
            }
            Capacity capacity = ItemWrites.apply(db, table, keys, old, item, false);
            db.commit();
            ObjectNode response = NODES.objectNode();
            if (returnValues.equals("ALL_OLD") && old != null) {
                response.set("Attributes", JsonValues.itemJson(old));
            }
            putCapacity(response, capacity, mode);
            return response;
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    static void putCapacity(ObjectNode response, Capacity capacity, Capacity.Mode mode) {
        ObjectNode json = capacity.json(mode);
        if (json != null) {
            response.set("ConsumedCapacity", json);
        }
    }

    static JsonNode requiredObject(JsonNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            throw ApiException.validation("1 validation error detected: Value null at '"
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return node;
    }

    static boolean returnOldOnFailure(JsonNode request) {
        return Requests.choice(request, "ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure",
                "NONE", NONE_OR_ALL_OLD).equals("ALL_OLD");
    }

    private static Map<String, Value> returned(String returnValues, Map<String, Value> old, Map<String, Value> updated,
            Set<String> touched) {
        return switch (returnValues) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> updated;
            case "UPDATED_OLD" -> only(old, touched);
            case "UPDATED_NEW" -> only(updated, touched);
            default -> null;
        };
    }

    private static Map<String, Value> updatedPaths(Update update, Map<String, Value> item) {
        return item == null ? null : update.updatedAttributes(item);
    }

    private static Map<String, Value> only(Map<String, Value> item, Set<String> attributes) {
        if (item == null) {
            return null;
        }
        Map<String, Value> kept = new LinkedHashMap<>();
        for (String attribute : attributes) {
            Value value = item.get(attribute);
            if (value != null) {
                kept.put(attribute, value);
            }
        }
        return kept;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }
}
