package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.streams.StreamRecord;
import io.cruddur.engine.dynamodb.streams.TableStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table: its definition, its items, its secondary indexes and its stream. Every change of an item
 * goes through {@link #write}, which keeps the indexes and the stream in step. Mutated only under the
 * engine's write lock.
 */
public final class Table {
    private final String name;
    private final String id;
    private final String arn;
    private final long createdAtMillis;
    private final KeySchema key;
    private final Map<String, String> attributeTypes;
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Rows rows = new Rows();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<TableStream> streams = new ArrayList<>();
    private String billingMode;
    private long readCapacity;
    private long writeCapacity;
    private String status = "ACTIVE";
    private String timeToLiveAttribute;
    private boolean deletionProtection;
    private String tableClass = "STANDARD";

    public Table(String name, String id, String arn, long createdAtMillis, KeySchema key,
            Map<String, String> attributeTypes, String billingMode, long readCapacity, long writeCapacity) {
        this.name = name;
        this.id = id;
        this.arn = arn;
        this.createdAtMillis = createdAtMillis;
        this.key = key;
        this.attributeTypes = new LinkedHashMap<>(attributeTypes);
        this.billingMode = billingMode;
        this.readCapacity = readCapacity;
        this.writeCapacity = writeCapacity;
    }

    public String name() {
        return name;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public KeySchema key() {
        return key;
    }

    /** Declared attribute types: the keys of the table and of its indexes. */
    public Map<String, String> attributeTypes() {
        return attributeTypes;
    }

    public Map<String, Index> indexes() {
        return indexes;
    }

    public Rows rows() {
        return rows;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** Every stream the table has had, the current one last. */
    public List<TableStream> streams() {
        return streams;
    }

    /** The stream taking records now, or {@code null}. */
    public TableStream activeStream() {
        TableStream last = streams.isEmpty() ? null : streams.get(streams.size() - 1);
        return last != null && last.enabled() ? last : null;
    }

    public String billingMode() {
        return billingMode;
    }

    public long readCapacity() {
        return readCapacity;
    }

    public long writeCapacity() {
        return writeCapacity;
    }

    /** Sets the billing mode and provisioned throughput (0 for on-demand). */
    public void billing(String mode, long read, long write) {
        this.billingMode = mode;
        this.readCapacity = read;
        this.writeCapacity = write;
    }

    public String status() {
        return status;
    }

    public void status(String status) {
        this.status = status;
    }

    /** The attribute holding items' expiry times, or {@code null} while time to live is off. */
    public String timeToLiveAttribute() {
        return timeToLiveAttribute;
    }

    public void timeToLiveAttribute(String attribute) {
        this.timeToLiveAttribute = attribute;
    }

    public boolean deletionProtection() {
        return deletionProtection;
    }

    public void deletionProtection(boolean enabled) {
        this.deletionProtection = enabled;
    }

    public String tableClass() {
        return tableClass;
    }

    public void tableClass(String tableClass) {
        this.tableClass = tableClass;
    }

    /** The key attributes of an item, in a map of their own. */
    public Map<String, Value> keyOf(Map<String, Value> item) {
        Map<String, Value> keys = new LinkedHashMap<>();
        keys.put(key.hashName(), item.get(key.hashName()));
        if (key.hasRange()) {
            keys.put(key.rangeName(), item.get(key.rangeName()));
        }
        return keys;
    }

    /** The item with this key, or {@code null}. */
    public Map<String, Value> get(Map<String, Value> keys) {
        return rows.get(PartitionKey.of(keys.get(key.hashName())), RowKey.of(key.sortOf(keys)));
    }

    /**
     * Replaces (or with {@code null}, removes) the item with this key, keeping indexes and stream in
     * step; returns the stream record written, or {@code null} when none was.
     *
     * @param indexes where index changes go: applied now, or later when reads of the index lag
     */
    public StreamRecord write(Map<String, Value> keys, Map<String, Value> newItem, long nowMillis,
            long streamDelayMillis, boolean byTimeToLive, IndexUpdates indexes) {
        Map<String, Value> old = store(keys, newItem, indexes);
        TableStream stream = activeStream();
        if (stream == null || (old == null && newItem == null) || (newItem != null && newItem.equals(old))) {
            return null;
        }
        String event = old == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
        return stream.append(event, keyOf(newItem != null ? newItem : old), old, newItem, nowMillis, streamDelayMillis,
                byTimeToLive);
    }

    /**
     * Replaces (or with {@code null}, removes) the item with this key and its index entries, without
     * a stream record: for items restored from disk. Returns the old item.
     */
    public Map<String, Value> store(Map<String, Value> keys, Map<String, Value> newItem, IndexUpdates indexes) {
        PartitionKey partition = PartitionKey.of(keys.get(key.hashName()));
        RowKey row = RowKey.of(key.sortOf(keys));
        Map<String, Value> old = newItem == null ? rows.remove(partition, row) : rows.put(partition, row, newItem);
        if (old != null || newItem != null) {
            for (Index index : this.indexes.values()) {
                indexes.apply(index, old, newItem, key);
            }
        }
        return old;
    }

    /** Where a write's index changes go. */
    public interface IndexUpdates {
        /** Moves an item's entry in {@code index} from its old version to its new one. */
        void apply(Index index, Map<String, Value> oldItem, Map<String, Value> newItem, KeySchema tableKey);

        /** Applies index changes at once. */
        IndexUpdates IMMEDIATE = (index, oldItem, newItem, tableKey) -> {
            index.remove(oldItem, tableKey);
            index.add(newItem, tableKey);
        };
    }
}
