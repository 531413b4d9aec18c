package io.cruddur.engine.dynamodb.model;

import java.util.OptionalInt;

/** DynamoDB's order of scalar values, for keys, comparisons and ranges alike. */
public final class Ordering {
    private Ordering() {
    }

    /**
     * The order of two values of one orderable type: strings by their UTF-8 bytes, numbers by
     * value, binaries unsigned byte by byte. Empty for other types, or for two different types.
     */
    public static OptionalInt compare(Value left, Value right) {
        if (left instanceof Value.S a && right instanceof Value.S b) {
            return OptionalInt.of(compareStrings(a.value(), b.value()));
        }
        if (left instanceof Value.N a && right instanceof Value.N b) {
            return OptionalInt.of(a.value().compareTo(b.value()));
        }
        if (left instanceof Value.B a && right instanceof Value.B b) {
            return OptionalInt.of(a.value().compareTo(b.value()));
        }
        return OptionalInt.empty();
    }

    /** Compares by code point, which is the order of the UTF-8 bytes. */
    private static int compareStrings(String left, String right) {
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
}
