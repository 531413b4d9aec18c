package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.storage.Index;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The capacity one request consumed on one table, counted by AWS's documented rules: reads in
 * 4 KB units (halved when eventually consistent), writes in 1 KB units, transactions twice, and
 * each index a write touches charged beside the table.
 */
final class Capacity {
    /** What the request asked to be told. */
    enum Mode { NONE, TOTAL, INDEXES }

    private final String tableName;
    private final boolean write;
    private double table;
    private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
    private final Map<String, Double> localIndexes = new LinkedHashMap<>();

    Capacity(String tableName, boolean write) {
        this.tableName = tableName;
        this.write = write;
    }

    static Mode mode(JsonNode request) {
        String mode = Requests.choice(request, "ReturnConsumedCapacity", "returnConsumedCapacity", "NONE",
                Set.of("INDEXES", "TOTAL", "NONE"));
        return Mode.valueOf(mode);
    }

    /** Read units for {@code bytes} read in one go (a Query page, or one item). */
    static double readUnits(long bytes, boolean consistent, boolean transactional) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        if (transactional) {
            return units * 2;
        }
        return consistent ? units : units / 2;
    }

    /** Write units for one item of {@code bytes}. */
    static double writeUnits(long bytes, boolean transactional) {
        double units = Math.max(1, Math.ceil(bytes / 1024.0));
        return transactional ? units * 2 : units;
    }

    String tableName() {
        return tableName;
    }

    Capacity addTable(double units) {
        table += units;
        return this;
    }

    Capacity addIndex(Index index, double units) {
        (index.global() ? globalIndexes : localIndexes).merge(index.name(), units, Double::sum);
        return this;
    }

    double total() {
        double total = table;
        for (double units : globalIndexes.values()) {
            total += units;
        }
        for (double units : localIndexes.values()) {
            total += units;
        }
        return total;
    }

    /** Adds another request's consumption on the same table. */
    void merge(Capacity other) {
        table += other.table;
        other.globalIndexes.forEach((name, units) -> globalIndexes.merge(name, units, Double::sum));
        other.localIndexes.forEach((name, units) -> localIndexes.merge(name, units, Double::sum));
    }

    /** The ConsumedCapacity object for this mode, or {@code null} for NONE. */
    ObjectNode json(Mode mode) {
        if (mode == Mode.NONE) {
            return null;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("TableName", tableName);
        json.put("CapacityUnits", total());
        json.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", total());
        if (mode == Mode.INDEXES) {
            json.set("Table", units(table));
            if (!globalIndexes.isEmpty()) {
                ObjectNode indexes = json.putObject("GlobalSecondaryIndexes");
                globalIndexes.forEach((name, units) -> indexes.set(name, units(units)));
            }
            if (!localIndexes.isEmpty()) {
                ObjectNode indexes = json.putObject("LocalSecondaryIndexes");
                localIndexes.forEach((name, units) -> indexes.set(name, units(units)));
            }
        }
        return json;
    }

    private ObjectNode units(double units) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("CapacityUnits", units);
        json.put(write ? "WriteCapacityUnits" : "ReadCapacityUnits", units);
        return json;
    }
}
