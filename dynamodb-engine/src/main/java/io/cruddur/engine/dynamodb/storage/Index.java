package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secondary index: its definition and its rows. A global index has a key of its own; a local one
 * shares the table's partition key. Rows hold the item's projected attributes.
 */
public final class Index {
    /** What an index holds of an item. */
    public enum ProjectionType { ALL, KEYS_ONLY, INCLUDE }

    private final String name;
    private final boolean global;
    private final KeySchema key;
    private final ProjectionType projectionType;
    private final List<String> nonKeyAttributes;
    private final Rows rows = new Rows();
    private long readCapacity;
    private long writeCapacity;
    private String status = "ACTIVE";

    public Index(String name, boolean global, KeySchema key, ProjectionType projectionType,
            List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {
        this.name = name;
        this.global = global;
        this.key = key;
        this.projectionType = projectionType;
        this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
        this.readCapacity = readCapacity;
        this.writeCapacity = writeCapacity;
    }

    public String name() {
        return name;
    }

    public boolean global() {
        return global;
    }

    public KeySchema key() {
        return key;
    }

    public ProjectionType projectionType() {
        return projectionType;
    }

    public List<String> nonKeyAttributes() {
        return nonKeyAttributes;
    }

    public Rows rows() {
        return rows;
    }

    public long readCapacity() {
        return readCapacity;
    }

    public long writeCapacity() {
        return writeCapacity;
    }

    /** Sets the provisioned throughput (0 for on-demand). */
    public void throughput(long read, long write) {
        this.readCapacity = read;
        this.writeCapacity = write;
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    /** The row key of an item in this index, given the table's key. */
    public RowKey rowKey(Map<String, Value> item, KeySchema tableKey) {
        return new RowKey(key.sortOf(item), tableKey.partitionOf(item), tableKey.sortOf(item), 0);
    }

    /** What this index keeps of an item: its keys, the table's keys and the projected attributes. */
    public Map<String, Value> project(Map<String, Value> item, KeySchema tableKey) {
        if (projectionType == ProjectionType.ALL) {
            return item;
        }
        Map<String, Value> projected = new LinkedHashMap<>();
        item.forEach((attribute, value) -> {
            boolean keep = key.isKeyAttribute(attribute) || tableKey.isKeyAttribute(attribute)
                    || (projectionType == ProjectionType.INCLUDE && nonKeyAttributes.contains(attribute));
            if (keep) {
                projected.put(attribute, value);
            }
        });
        return projected;
    }

    /** Takes the item out of the index (if it was in it). */
    public void remove(Map<String, Value> item, KeySchema tableKey) {
        if (item != null && key.indexes(item)) {
            rows.remove(PartitionKey.of(key.partitionOf(item)), rowKey(item, tableKey));
        }
    }

    /** Puts the item in the index when it carries the index's key. */
    public void add(Map<String, Value> item, KeySchema tableKey) {
        if (item != null && key.indexes(item)) {
            rows.put(PartitionKey.of(key.partitionOf(item)), rowKey(item, tableKey), project(item, tableKey));
        }
    }
}
