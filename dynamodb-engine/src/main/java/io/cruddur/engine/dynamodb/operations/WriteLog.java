package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.Table;
import java.util.List;
import java.util.Map;

/**
 * Where committed changes go to survive the process: called under the write lock, after a change is
 * applied and before it is acknowledged.
 */
public interface WriteLog {
    /** A table was created by this request. */
    void tableCreated(JsonNode request, Table table);

    /** A table's settings changed (billing, indexes, stream, time to live, tags…). */
    void tableUpdated(Table table);

    /** A table was deleted. */
    void tableDeleted(String name);

    /** Items were written together: each a new item, or a removal (a {@code null} item). */
    void itemsWritten(List<ItemWrite> writes);

    /**
     * One item's new state.
     *
     * @param table the table's name
     * @param keys the item's key
     * @param item the new item, or {@code null} when removed
     */
    record ItemWrite(String table, Map<String, Value> keys, Map<String, Value> item) {
    }

    /** Keeps nothing: an engine whose data lives only as long as the process. */
    WriteLog NONE = new WriteLog() {
        @Override
        public void tableCreated(JsonNode request, Table table) {
        }

        @Override
        public void tableUpdated(Table table) {
        }

        @Override
        public void tableDeleted(String name) {
        }

        @Override
        public void itemsWritten(List<ItemWrite> writes) {
        }
    };
}
