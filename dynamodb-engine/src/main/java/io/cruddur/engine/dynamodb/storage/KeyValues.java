package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Ordering;
import io.cruddur.engine.dynamodb.model.Value;

/** The order of key values ({@link Ordering}) and the spread of partitions. */
public final class KeyValues {
    private KeyValues() {
    }

    /**
     * Compares two values of one scalar type (S, N or B).
     *
     * @throws IllegalArgumentException for values of different or non-scalar types
     */
    public static int compare(Value left, Value right) {
        return Ordering.compare(left, right).orElseThrow(() ->
                new IllegalArgumentException("not comparable: " + left.type() + " and " + right.type()));
    }

    /** A stable spread of partition keys: the order in which a scan visits partitions. */
    public static int partitionHash(Value partitionKey) {
        int h = partitionKey.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
