package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;
import java.util.Map;

/**
 * The key of a table or an index: a partition (HASH) attribute and an optional sort (RANGE) one,
 * each of type S, N or B.
 *
 * @param hashName the partition key attribute
 * @param hashType its type
 * @param rangeName the sort key attribute, or {@code null}
 * @param rangeType its type, or {@code null}
 */
public record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

    /** Whether there is a sort key. */
    public boolean hasRange() {
        return rangeName != null;
    }

    /** Whether {@code attribute} is one of the key's attributes. */
    public boolean isKeyAttribute(String attribute) {
        return attribute.equals(hashName) || attribute.equals(rangeName);
    }

    /** The item's partition key value, or {@code null} when the item lacks it or has it of another type. */
    public Value partitionOf(Map<String, Value> item) {
        Value value = item.get(hashName);
        return value != null && value.type().equals(hashType) ? value : null;
    }

    /** The item's sort key value (null without a sort key, or when the item lacks it or has another type). */
    public Value sortOf(Map<String, Value> item) {
        if (rangeName == null) {
            return null;
        }
        Value value = item.get(rangeName);
        return value != null && value.type().equals(rangeType) ? value : null;
    }

    /** Whether the item carries both key attributes with their declared types. */
    public boolean indexes(Map<String, Value> item) {
        return partitionOf(item) != null && (rangeName == null || sortOf(item) != null);
    }
}
