package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;

/** The order of key values: strings by UTF-8 bytes (code points), numbers by value, binary unsigned. */
public final class KeyValues {
    private KeyValues() {
    }

    /**
     * Compares two values of one scalar type (S, N or B).
     *
     * @throws IllegalArgumentException for values of different or non-scalar types
     */
    public static int compare(Value left, Value right) {
        if (left instanceof Value.S a && right instanceof Value.S b) {
            return compareStrings(a.value(), b.value());
        }
        if (left instanceof Value.N a && right instanceof Value.N b) {
            return a.value().compareTo(b.value());
        }
        if (left instanceof Value.B a && right instanceof Value.B b) {
            return a.value().compareTo(b.value());
        }
        throw new IllegalArgumentException("not comparable: " + left.type() + " and " + right.type());
    }

    /** Strings in the order of their UTF-8 bytes, which is the order of their code points. */
    public static int compareStrings(String left, String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Boolean.compare(i < left.length(), j < right.length());
    }

    /** A stable spread of partition keys: the order in which a scan visits partitions. */
    public static int partitionHash(Value partitionKey) {
        int h = partitionKey.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
