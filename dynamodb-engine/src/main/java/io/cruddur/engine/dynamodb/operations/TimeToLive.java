package io.cruddur.engine.dynamodb.operations;

import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.StreamRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Removes items whose time to live has passed, as DynamoDB's background process does: a top-level
 * Number of epoch seconds before now (and not more than five years before), removed as the service
 * with a REMOVE record in the stream.
 */
public final class TimeToLive {
    private static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);

    private final Database db;

    public TimeToLive(Database db) {
        this.db = db;
    }

    /** Removes every expired item now; returns how many. */
    public int sweep() {
        db.lock().writeLock().lock();
        try {
            long nowMillis = db.nowMillis();
            BigDecimal now = BigDecimal.valueOf(nowMillis / 1000);
            BigDecimal oldest = now.subtract(BigDecimal.valueOf(IGNORED_AFTER.toSeconds()));
            int removed = 0;
            for (Table table : db.tables().values()) {
                String attribute = table.timeToLiveAttribute();
                if (attribute == null) {
                    continue;
                }
                List<Map<String, Value>> expired = new ArrayList<>();
                for (NavigableMap<?, Map<String, Value>> partition : table.rows().partitions().values()) {
                    for (Map<String, Value> item : partition.values()) {
                        if (item.get(attribute) instanceof Value.N expiry && expiry.value().compareTo(now) < 0
                                && expiry.value().compareTo(oldest) >= 0) {
                            expired.add(item);
                        }
                    }
                }
                for (Map<String, Value> item : expired) {
                    Map<String, Value> key = table.keyOf(item);
                    StreamRecord record = table.write(key, null, nowMillis, db.faults().streamDelay().toMillis(), true,
                            db.indexUpdates());
                    db.written(new WriteLog.ItemWrite(table.name(), key, null, record));
                }
                db.commit();
                removed += expired.size();
            }
            return removed;
        } finally {
            db.lock().writeLock().unlock();
        }
    }
}
