package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The items of a table or of one index, by partition, each partition in key order. Mutated only
 * under the engine's write lock; read under its read lock.
 */
public final class Rows {
    private final NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, Value>>> partitions = new TreeMap<>();
    private long count;
    private long sizeBytes;

    /** The partitions in scan order. */
    public NavigableMap<PartitionKey, NavigableMap<RowKey, Map<String, Value>>> partitions() {
        return partitions;
    }

    /** One partition's rows, or an empty map. */
    public NavigableMap<RowKey, Map<String, Value>> partition(PartitionKey partition) {
        NavigableMap<RowKey, Map<String, Value>> rows = partitions.get(partition);
        return rows == null ? new TreeMap<>() : rows;
    }

    /** The item at this key, or {@code null}. */
    public Map<String, Value> get(PartitionKey partition, RowKey row) {
        NavigableMap<RowKey, Map<String, Value>> rows = partitions.get(partition);
        return rows == null ? null : rows.get(row);
    }

    /** Puts an item and returns the one it replaced, if any. */
    public Map<String, Value> put(PartitionKey partition, RowKey row, Map<String, Value> item) {
        Map<String, Value> old = partitions.computeIfAbsent(partition, ignored -> new TreeMap<>()).put(row, item);
        if (old == null) {
            count++;
        } else {
            sizeBytes -= Items.size(old);
        }
        sizeBytes += Items.size(item);
        return old;
    }

    /** Removes the item at this key and returns it, if there was one. */
    public Map<String, Value> remove(PartitionKey partition, RowKey row) {
        NavigableMap<RowKey, Map<String, Value>> rows = partitions.get(partition);
        if (rows == null) {
            return null;
        }
        Map<String, Value> old = rows.remove(row);
        if (old != null) {
            count--;
            sizeBytes -= Items.size(old);
            if (rows.isEmpty()) {
                partitions.remove(partition);
            }
        }
        return old;
    }

    public long count() {
        return count;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** Removes every row. */
    public void clear() {
        partitions.clear();
        count = 0;
        sizeBytes = 0;
    }
}
