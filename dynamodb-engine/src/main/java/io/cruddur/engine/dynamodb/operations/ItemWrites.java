package io.cruddur.engine.dynamodb.operations;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.Index;
import io.cruddur.engine.dynamodb.storage.Items;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.StreamRecord;
import java.util.Map;
import java.util.Objects;

/** Applying one item's change to a table and counting what it cost, for every write operation. */
final class ItemWrites {
    private ItemWrites() {
    }

    /**
     * Stores {@code newItem} (or removes the item, with {@code null}) under the write lock; returns the
     * capacity the write consumed on the table and the indexes it touched.
     */
    static Capacity apply(Database db, Table table, Map<String, Value> keys, Map<String, Value> old,
            Map<String, Value> newItem, boolean transactional) {
        Capacity capacity = new Capacity(table.name(), true);
        capacity.addTable(Capacity.writeUnits(Math.max(sizeOf(old), sizeOf(newItem)), transactional));
        for (Index index : table.indexes().values()) {
            double units = indexUnits(index, table, old, newItem, transactional);
            if (units > 0) {
                capacity.addIndex(index, units);
            }
        }
        if (old != null || newItem != null) {
            StreamRecord record = table.write(keys, newItem, db.nowMillis(), db.faults().streamDelay().toMillis(), false,
                    db.indexUpdates());
            db.written(new WriteLog.ItemWrite(table.name(), keys, newItem, record));
        }
        return capacity;
    }

    /** What a failed condition still costs: the existing item's size, or one unit. */
    static Capacity failedCondition(Table table, Map<String, Value> old, boolean transactional) {
        return new Capacity(table.name(), true).addTable(Capacity.writeUnits(sizeOf(old), transactional));
    }

    /** The refusal of a failed condition, with the old item when the request asked for it. */
    static ApiException conditionFailed(Map<String, Value> old, boolean returnOldItem) {
        if (returnOldItem && old != null) {
            return new ApiException("ConditionalCheckFailedException", "The conditional request failed", 400,
                    Map.of("Item", JsonValues.itemJson(old)));
        }
        return new ApiException("ConditionalCheckFailedException", "The conditional request failed");
    }

    private static double indexUnits(Index index, Table table, Map<String, Value> old, Map<String, Value> newItem,
            boolean transactional) {
        Map<String, Value> oldEntry = old != null && index.key().indexes(old) ? index.project(old, table.key()) : null;
        Map<String, Value> newEntry = newItem != null && index.key().indexes(newItem)
                ? index.project(newItem, table.key()) : null;
        if (Objects.equals(oldEntry, newEntry)) {
            return 0;
        }
        if (oldEntry == null) {
            return Capacity.writeUnits(Items.size(newEntry), transactional);
        }
        if (newEntry == null) {
            return Capacity.writeUnits(Items.size(oldEntry), transactional);
        }
        boolean keyMoved = !Objects.equals(index.key().partitionOf(old), index.key().partitionOf(newItem))
                || !Objects.equals(index.key().sortOf(old), index.key().sortOf(newItem));
        double units = Capacity.writeUnits(Items.size(newEntry), transactional);
        return keyMoved ? units + Capacity.writeUnits(Items.size(oldEntry), transactional) : units;
    }

    private static int sizeOf(Map<String, Value> item) {
        return item == null ? 0 : Items.size(item);
    }
}
