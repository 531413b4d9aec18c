package io.cruddur.engine.dynamodb.operations;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.Index;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.SequenceNumbers;
import io.cruddur.engine.dynamodb.streams.TableStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The engine's state: its tables, the lock that orders every change, its clock and its fault
 * switches. Writes take the write lock, so that each request (a transaction included) is applied
 * whole before another sees it; reads share the read lock.
 */
public final class Database {
    private final Map<String, Table> tables = new TreeMap<>();
    private final List<TableStream> streams = new ArrayList<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final Faults faults = new Faults();
    private final SequenceNumbers sequenceNumbers;
    private final Deque<PendingIndexChange> lateIndexChanges = new ArrayDeque<>();
    private WriteLog log = WriteLog.NONE;
    private final List<WriteLog.ItemWrite> uncommitted = new ArrayList<>();

    public Database(Clock clock, String region, String accountId, SequenceNumbers sequenceNumbers) {
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
        this.sequenceNumbers = sequenceNumbers;
    }

    public Clock clock() {
        return clock;
    }

    public long nowMillis() {
        return clock.millis();
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public Faults faults() {
        return faults;
    }

    public SequenceNumbers sequenceNumbers() {
        return sequenceNumbers;
    }

    /** Where committed changes are made durable. */
    public WriteLog log() {
        return log;
    }

    /** Makes committed changes durable in {@code log} from now on. */
    public void useLog(WriteLog log) {
        this.log = log;
    }

    /** Notes an item written by the request under way; {@link #commit()} logs it. Under the write lock. */
    public void written(WriteLog.ItemWrite write) {
        uncommitted.add(write);
    }

    /** Logs the items the request under way wrote, as one entry, before it is acknowledged. Under the write lock. */
    public void commit() {
        if (!uncommitted.isEmpty()) {
            log.itemsWritten(List.copyOf(uncommitted));
            uncommitted.clear();
        }
    }

    /**
     * Forgets stream records past their retention, and the streams of deleted tables or disabled
     * streams once nothing of them remains. Readers hold the read lock, so this runs apart from
     * them, in the engine's background work.
     */
    public void trimStreams() {
        lock.writeLock().lock();
        try {
            long now = nowMillis();
            streams.forEach(stream -> stream.trim(now));
            streams.removeIf(stream -> !stream.enabled() && stream.shards().isEmpty());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Every table by name, in name order. Guarded by {@link #lock()}. */
    public Map<String, Table> tables() {
        return tables;
    }

    /** Every stream still retained, of live and deleted tables, oldest first. Guarded by {@link #lock()}. */
    public List<TableStream> streams() {
        return streams;
    }

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    /**
     * The table for an item or index operation.
     *
     * @throws ApiException {@code ResourceNotFoundException} when there is none (or it is being created or deleted)
     */
    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null || table.status().equals("CREATING") || table.status().equals("DELETING")) {
            throw ApiException.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    /** The ARN of a table of this engine. */
    public String tableArn(String name) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
    }

    /** Where a write's index changes go: at once, or queued while global indexes are set to lag. */
    public Table.IndexUpdates indexUpdates() {
        long lagMillis = faults.indexLag().toMillis();
        if (lagMillis == 0) {
            return Table.IndexUpdates.IMMEDIATE;
        }
        long due = nowMillis() + lagMillis;
        return (index, oldItem, newItem, tableKey) -> {
            if (index.global()) {
                lateIndexChanges.add(new PendingIndexChange(due, index, oldItem, newItem, tableKey));
            } else {
                Table.IndexUpdates.IMMEDIATE.apply(index, oldItem, newItem, tableKey);
            }
        };
    }

    /**
     * Applies the lagging index changes that are due (all of them with {@code all}). Called under the
     * write lock before index reads.
     */
    public void catchUpIndexes(boolean all) {
        long now = nowMillis();
        while (!lateIndexChanges.isEmpty() && (all || lateIndexChanges.peekFirst().dueMillis() <= now)) {
            PendingIndexChange change = lateIndexChanges.pollFirst();
            Table.IndexUpdates.IMMEDIATE.apply(change.index(), change.oldItem(), change.newItem(), change.tableKey());
        }
    }

    /** Whether index changes wait to be applied. */
    public boolean indexesLag() {
        return !lateIndexChanges.isEmpty();
    }

    private record PendingIndexChange(long dueMillis, Index index, Map<String, Value> oldItem,
            Map<String, Value> newItem, KeySchema tableKey) {
    }
}
