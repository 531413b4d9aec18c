package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.Items;
import io.cruddur.engine.dynamodb.storage.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * BatchGetItem and BatchWriteItem. Each request is checked whole before anything is read or
 * written; the engine then processes every item, so UnprocessedItems and UnprocessedKeys come back
 * empty unless a response would pass 16 MB.
 */
final class BatchOperations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_WRITES = 25;
    private static final int MAX_GETS = 100;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Database db;

    BatchOperations(Database db) {
        this.db = db;
    }

    ObjectNode batchWriteItem(JsonNode request) {
        JsonNode requestItems = ItemOperations.requiredObject(request, "RequestItems");
        Capacity.Mode mode = Capacity.mode(request);
        record Write(String table, Map<String, Value> item, Map<String, Value> key) {
        }
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            String tableName = Requests.name(entry.getKey(), "requestItems.key");
            JsonNode actions = entry.getValue();
            if (actions.size() > MAX_WRITES || actions.isEmpty()) {
                throw ApiException.validation("1 validation error detected: Value at 'requestItems' failed to satisfy "
                        + "constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                        + "Member must have length greater than or equal to 1]");
            }
            for (JsonNode action : actions) {
                JsonNode put = action.get("PutRequest");
                JsonNode delete = action.get("DeleteRequest");
                boolean isPut = put != null && !put.isNull();
                boolean isDelete = delete != null && !delete.isNull();
                if (isPut == isDelete) {
                    throw ApiException.validation("Supplied AttributeValue has more than one datatypes set, must contain "
                            + "exactly one of the supported datatypes");
                }
                if (isPut) {
                    writes.add(new Write(tableName, JsonValues.item(ItemOperations.requiredObject(put, "Item")), null));
                } else {
                    writes.add(new Write(tableName, null, JsonValues.item(ItemOperations.requiredObject(delete, "Key"))));
                }
            }
        }
        if (writes.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        if (writes.size() > MAX_WRITES) {
            throw ApiException.validation("Too many items requested for the BatchWriteItem call");
        }
        db.lock().writeLock().lock();
        try {
            Set<List<Object>> seen = new HashSet<>();
            List<Map<String, Value>> keys = new ArrayList<>();
            for (Write write : writes) {
                Table table = db.table(write.table());
                Map<String, Value> key;
                if (write.item() != null) {
                    Keys.checkItem(table, write.item(), false);
                    key = table.keyOf(write.item());
                } else {
                    Keys.checkKey(table, write.key());
                    key = table.keyOf(write.key());
                }
                if (!seen.add(List.of(write.table(), key))) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            for (int i = 0; i < writes.size(); i++) {
                Write write = writes.get(i);
                Table table = db.table(write.table());
                Map<String, Value> key = keys.get(i);
                Map<String, Value> old = table.get(key);
                Capacity capacity = ItemWrites.apply(db, table, key, old, write.item(), false);
                capacities.computeIfAbsent(write.table(), name -> new Capacity(name, true)).merge(capacity);
            }
            db.commit();
            ObjectNode response = NODES.objectNode();
            response.putObject("UnprocessedItems");
            putCapacities(response, capacities, mode);
            return response;
        } finally {
            db.lock().writeLock().unlock();
        }
    }

    ObjectNode batchGetItem(JsonNode request) {
        JsonNode requestItems = ItemOperations.requiredObject(request, "RequestItems");
        Capacity.Mode mode = Capacity.mode(request);
        record Get(String table, Map<String, Value> key, UnaryOperator<Map<String, Value>> projection, boolean consistent,
                JsonNode keysAndAttributes) {
        }
        List<Get> gets = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : requestItems.properties()) {
            String tableName = Requests.name(entry.getKey(), "requestItems.key");
            JsonNode keysAndAttributes = entry.getValue();
            JsonNode keys = ItemOperations.requiredObject(keysAndAttributes, "Keys");
            if (keys.isEmpty()) {
                throw ApiException.validation("1 validation error detected: Value '[]' at 'requestItems." + tableName
                        + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            Expressions expressions = new Expressions(keysAndAttributes);
            UnaryOperator<Map<String, Value>> projection = expressions.projection();
            expressions.checkPlaceholders("ProjectionExpression");
            boolean consistent = Requests.flag(keysAndAttributes, "ConsistentRead");
            for (JsonNode key : keys) {
                gets.add(new Get(tableName, JsonValues.item(key), projection, consistent, keysAndAttributes));
            }
        }
        if (gets.size() > MAX_GETS) {
            throw ApiException.validation("Too many items requested for the BatchGetItem call");
        }
        db.lock().readLock().lock();
        try {
            Set<List<Object>> seen = new HashSet<>();
            for (Get get : gets) {
                Table table = db.table(get.table());
                Keys.checkKey(table, get.key());
                if (!seen.add(List.of(get.table(), get.key()))) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
            }
            ObjectNode response = NODES.objectNode();
            ObjectNode responses = response.putObject("Responses");
            ObjectNode unprocessed = response.putObject("UnprocessedKeys");
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            long bytes = 0;
            for (Get get : gets) {
                ArrayNode tableItems = responses.has(get.table()) ? (ArrayNode) responses.get(get.table())
                        : responses.putArray(get.table());
                Table table = db.table(get.table());
                Map<String, Value> item = table.get(get.key());
                int size = item == null ? 0 : Items.size(item);
                if (bytes + size > MAX_RESPONSE_BYTES) {
                    ObjectNode left = unprocessed.has(get.table()) ? (ObjectNode) unprocessed.get(get.table())
                            : unprocessedEntry(unprocessed, get.table(), get.keysAndAttributes());
                    ((ArrayNode) left.get("Keys")).add(JsonValues.itemJson(get.key()));
                    continue;
                }
                bytes += size;
                capacities.computeIfAbsent(get.table(), name -> new Capacity(name, false))
                        .addTable(Capacity.readUnits(size, get.consistent(), false));
                if (item != null) {
                    tableItems.add(JsonValues.itemJson(get.projection() == null ? item : get.projection().apply(item)));
                }
            }
            putCapacities(response, capacities, mode);
            return response;
        } finally {
            db.lock().readLock().unlock();
        }
    }

    private static ObjectNode unprocessedEntry(ObjectNode unprocessed, String table, JsonNode keysAndAttributes) {
        ObjectNode entry = keysAndAttributes.deepCopy();
        entry.putArray("Keys");
        unprocessed.set(table, entry);
        return entry;
    }

    static void putCapacities(ObjectNode response, Map<String, Capacity> capacities, Capacity.Mode mode) {
        if (mode == Capacity.Mode.NONE) {
            return;
        }
        ArrayNode list = response.putArray("ConsumedCapacity");
        capacities.values().forEach(capacity -> list.add(capacity.json(mode)));
    }
}
