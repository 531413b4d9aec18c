package io.cruddur.engine.dynamodb.operations;

import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.Shard;
import io.cruddur.engine.dynamodb.streams.StreamRecord;
import java.util.List;
import java.util.Map;

/**
 * Where committed changes go to survive the process: called under the write lock, after a change is
 * applied and before it is acknowledged, in the order changes were applied.
 */
public interface WriteLog extends AutoCloseable {
    /** A table was created, or its settings changed (billing, indexes, streams, time to live, tags…). */
    void tableDefined(Table table);

    /** A table was deleted. */
    void tableDeleted(String name);

    /** Items of one request were written together. */
    void itemsWritten(List<ItemWrite> writes);

    /** A table's stream closed its open shard and opened this one. */
    void shardRolledOver(String table, Shard shard);

    /** Makes everything logged durable and stops logging. */
    @Override
    void close();

    /**
     * One item's new state.
     *
     * @param table the table's name
     * @param keys the item's key
     * @param item the new item, or {@code null} when removed
     * @param record the stream record the change wrote, or {@code null}
     */
    record ItemWrite(String table, Map<String, Value> keys, Map<String, Value> item, StreamRecord record) {
    }

    /** Keeps nothing: an engine whose data lives only as long as the process. */
    WriteLog NONE = new WriteLog() {
        @Override
        public void tableDefined(Table table) {
        }

        @Override
        public void tableDeleted(String name) {
        }

        @Override
        public void itemsWritten(List<ItemWrite> writes) {
        }

        @Override
        public void shardRolledOver(String table, Shard shard) {
        }

        @Override
        public void close() {
        }
    };
}
