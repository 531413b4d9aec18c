package io.cruddur.engine.dynamodb.operations;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.Index;
import io.cruddur.engine.dynamodb.storage.Items;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import io.cruddur.engine.dynamodb.storage.Table;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Checks of keys and items against a table's schema, with DynamoDB's messages. */
final class Keys {
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    private Keys() {
    }

    /** A key as GetItem, DeleteItem and UpdateItem take it: exactly the key attributes, of their types. */
    static void checkKey(Table table, Map<String, Value> key) {
        KeySchema schema = table.key();
        int expected = schema.hasRange() ? 2 : 1;
        if (key.size() != expected || schema.partitionOf(key) == null
                || (schema.hasRange() && schema.sortOf(key) == null)) {
            throw ApiException.validation("The provided key element does not match the schema");
        }
        checkKeyValue(schema.hashName(), key.get(schema.hashName()), MAX_PARTITION_KEY_BYTES, true);
        if (schema.hasRange()) {
            checkKeyValue(schema.rangeName(), key.get(schema.rangeName()), MAX_SORT_KEY_BYTES, false);
        }
    }

    /** An item as it is about to be stored: its key, its index keys, its size. */
    static void checkItem(Table table, Map<String, Value> item, boolean fromUpdate) {
        KeySchema schema = table.key();
        checkKeyAttribute(schema.hashName(), schema.hashType(), item.get(schema.hashName()));
        checkKeyValue(schema.hashName(), item.get(schema.hashName()), MAX_PARTITION_KEY_BYTES, true);
        if (schema.hasRange()) {
            checkKeyAttribute(schema.rangeName(), schema.rangeType(), item.get(schema.rangeName()));
            checkKeyValue(schema.rangeName(), item.get(schema.rangeName()), MAX_SORT_KEY_BYTES, false);
        }
        for (Index index : table.indexes().values()) {
            checkIndexKey(index, index.key().hashName(), index.key().hashType(), item);
            if (index.key().hasRange()) {
                checkIndexKey(index, index.key().rangeName(), index.key().rangeType(), item);
            }
        }
        if (Items.size(item) > Items.MAX_SIZE) {
            throw ApiException.validation(fromUpdate ? "Item size to update has exceeded the maximum allowed size"
                    : "Item size has exceeded the maximum allowed size");
        }
    }

    private static void checkKeyAttribute(String name, String type, Value value) {
        if (value == null) {
            throw ApiException.validation("One or more parameter values were invalid: Missing the key " + name + " in the item");
        }
        if (!value.type().equals(type)) {
            throw ApiException.validation("One or more parameter values were invalid: Type mismatch for key " + name
                    + " expected: " + type + " actual: " + value.type());
        }
    }

    private static void checkIndexKey(Index index, String name, String type, Map<String, Value> item) {
        Value value = item.get(name);
        if (value == null) {
            return;
        }
        if (!value.type().equals(type)) {
            throw ApiException.validation("One or more parameter values were invalid: Type mismatch for Index Key " + name
                    + " Expected: " + type + " Actual: " + value.type() + " IndexName: " + index.name());
        }
        if (isEmpty(value)) {
            throw ApiException.validation("One or more parameter values are not valid. A value specified for a secondary "
                    + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty string "
                    + "value. IndexName: " + index.name() + ", IndexKey: " + name);
        }
    }

    private static void checkKeyValue(String name, Value value, int maxBytes, boolean partition) {
        if (isEmpty(value)) {
            throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (value instanceof Value.S ? "string" : "binary")
                    + " value. Key: " + name);
        }
        if (bytes(value) > maxBytes) {
            throw ApiException.validation(partition
                    ? "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
                    : "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    /**
     * Whether an item already in the table enters {@code index} when the index is added: an item
     * whose index key is of another type, empty or too long could not have been written with the
     * index in place, and DynamoDB's backfill leaves it out.
     */
    static boolean fitsIndex(Index index, Map<String, Value> item) {
        KeySchema key = index.key();
        Value partition = key.partitionOf(item);
        if (partition == null || isEmpty(partition) || bytes(partition) > MAX_PARTITION_KEY_BYTES) {
            return false;
        }
        Value sort = key.sortOf(item);
        return !key.hasRange() || (sort != null && !isEmpty(sort) && bytes(sort) <= MAX_SORT_KEY_BYTES);
    }

    private static int bytes(Value value) {
        return value instanceof Value.S s ? s.value().getBytes(StandardCharsets.UTF_8).length
                : value instanceof Value.B b ? b.value().length() : 0;
    }

    private static boolean isEmpty(Value value) {
        return (value instanceof Value.S s && s.value().isEmpty()) || (value instanceof Value.B b && b.value().length() == 0);
    }
}
