package io.cruddur.engine.dynamodb.streams;

import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.Items;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One stream of a table: its shards, parent to child, and the records of every change. Records are
 * kept 24 hours; the open shard is closed and followed by a child every four hours, or when asked.
 * Mutated under the engine's write lock.
 */
public final class TableStream {
    /** How long records stay readable. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** How long a shard stays open before it is followed by a child. */
    public static final Duration SHARD_LIFETIME = Duration.ofHours(4);

    private final String arn;
    private final String label;
    private final String tableName;
    private final String viewType;
    private final KeySchema key;
    private final long createdAtMillis;
    private final SequenceNumbers sequenceNumbers;
    private final List<Shard> shards = new ArrayList<>();
    private boolean enabled;

    public TableStream(String arn, String label, String tableName, String viewType, KeySchema key, long createdAtMillis,
            SequenceNumbers sequenceNumbers) {
        this(arn, label, tableName, viewType, key, createdAtMillis, sequenceNumbers, true);
        shards.add(newShard(null, createdAtMillis));
    }

    /** A stream restored from disk, its shards added by the caller. */
    public static TableStream restored(String arn, String label, String tableName, String viewType, KeySchema key,
            long createdAtMillis, boolean enabled, SequenceNumbers sequenceNumbers) {
        return new TableStream(arn, label, tableName, viewType, key, createdAtMillis, sequenceNumbers, enabled);
    }

    private TableStream(String arn, String label, String tableName, String viewType, KeySchema key, long createdAtMillis,
            SequenceNumbers sequenceNumbers, boolean enabled) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.viewType = viewType;
        this.key = key;
        this.createdAtMillis = createdAtMillis;
        this.sequenceNumbers = sequenceNumbers;
        this.enabled = enabled;
    }

    public String arn() {
        return arn;
    }

    public String label() {
        return label;
    }

    public String tableName() {
        return tableName;
    }

    /** {@code KEYS_ONLY}, {@code NEW_IMAGE}, {@code OLD_IMAGE} or {@code NEW_AND_OLD_IMAGES}. */
    public String viewType() {
        return viewType;
    }

    /** The table's key, which the stream's records carry. */
    public KeySchema key() {
        return key;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    /** Whether the stream still takes records (a disabled stream stays readable for 24 hours). */
    public boolean enabled() {
        return enabled;
    }

    /** Stops taking records and closes the open shard. */
    public void disable() {
        enabled = false;
        Shard open = openShard();
        if (open != null) {
            open.close(lastSequenceNumber(open));
        }
    }

    /** The shards still retained, parents before children. */
    public List<Shard> shards() {
        return shards;
    }

    /** Records a change and returns its record; images not in the stream's view type are left out. */
    public StreamRecord append(String eventName, Map<String, Value> keys, Map<String, Value> oldImage,
            Map<String, Value> newImage, long nowMillis, long delayMillis, boolean byTimeToLive) {
        if (!enabled) {
            return null;
        }
        Shard shard = openShard();
        if (nowMillis - shard.createdAtMillis() >= SHARD_LIFETIME.toMillis()) {
            shard = rollOver(nowMillis);
        }
        boolean keepNew = viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        boolean keepOld = viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES");
        Map<String, Value> newKept = keepNew ? newImage : null;
        Map<String, Value> oldKept = keepOld ? oldImage : null;
        int size = Items.size(keys)
                + (newKept == null ? 0 : Items.size(newKept))
                + (oldKept == null ? 0 : Items.size(oldKept));
        StreamRecord record = new StreamRecord(shard.id(), UUID.randomUUID().toString().replace("-", ""), eventName,
                sequenceNumbers.next(), nowMillis, nowMillis + delayMillis, keys, oldKept, newKept, size,
                byTimeToLive);
        shard.append(record);
        return record;
    }

    /**
     * Adds a record restored from disk to its shard, rolling over to that shard first when the
     * record names one the stream does not have yet.
     */
    public void restore(StreamRecord record) {
        Shard shard = shard(record.shardId());
        if (shard == null) {
            shard = rollOver(record.shardId(), record.createdAtMillis());
        }
        shard.append(record);
    }

    /** Closes the open shard and opens its child; returns the child. */
    public Shard rollOver(long nowMillis) {
        return rollOver(newShardId(nowMillis), nowMillis);
    }

    /** Closes the open shard and opens a child with this id; returns the child. */
    public Shard rollOver(String childId, long nowMillis) {
        Shard open = openShard();
        Shard child;
        if (open == null) {
            Shard last = shards.isEmpty() ? null : shards.get(shards.size() - 1);
            child = new Shard(childId, last == null ? null : last.id(), nowMillis, sequenceNumbers.peek());
        } else {
            open.close(lastSequenceNumber(open));
            child = new Shard(childId, open.id(), nowMillis, sequenceNumbers.peek());
        }
        shards.add(child);
        return child;
    }

    /** Forgets records and shards older than the retention period. */
    public void trim(long nowMillis) {
        long cutoff = nowMillis - RETENTION.toMillis();
        shards.removeIf(shard -> !shard.trim(cutoff));
    }

    /** The shard with this id, or {@code null}. */
    public Shard shard(String shardId) {
        for (Shard shard : shards) {
            if (shard.id().equals(shardId)) {
                return shard;
            }
        }
        return null;
    }

    /** The shard taking records now, or {@code null} once the stream is disabled. */
    public Shard openShard() {
        Shard last = shards.isEmpty() ? null : shards.get(shards.size() - 1);
        return last != null && last.open() ? last : null;
    }

    private BigInteger lastSequenceNumber(Shard shard) {
        List<StreamRecord> records = shard.records();
        return records.isEmpty() ? shard.startingSequenceNumber() : records.get(records.size() - 1).sequenceNumber();
    }

    private Shard newShard(String parentId, long nowMillis) {
        return new Shard(newShardId(nowMillis), parentId, nowMillis, sequenceNumbers.peek());
    }

    private static String newShardId(long nowMillis) {
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        return String.format("shardId-%020d-%s", nowMillis, HexFormat.of().formatHex(suffix));
    }
}
