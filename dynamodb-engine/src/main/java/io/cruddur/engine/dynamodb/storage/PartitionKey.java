package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;

/**
 * A partition of a table or an index, ordered by a hash of its key as DynamoDB spreads them, so
 * that a scan visits partitions in no meaningful order but always the same one.
 *
 * @param hash {@link KeyValues#partitionHash} of the key
 * @param value the partition key
 */
public record PartitionKey(int hash, Value value) implements Comparable<PartitionKey> {

    /** The partition of this key value. */
    public static PartitionKey of(Value value) {
        return new PartitionKey(KeyValues.partitionHash(value), value);
    }

    @Override
    public int compareTo(PartitionKey other) {
        int byHash = Integer.compare(hash, other.hash);
        if (byHash != 0) {
            return byHash;
        }
        if (value == null || other.value == null) {
            // a bound without a value sorts before every partition of its hash
            return Boolean.compare(value != null, other.value != null);
        }
        return KeyValues.compare(value, other.value);
    }
}
