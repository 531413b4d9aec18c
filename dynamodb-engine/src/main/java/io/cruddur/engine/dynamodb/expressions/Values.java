package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.Ordering;
import io.cruddur.engine.dynamodb.model.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** How expressions see values: their size, prefixes and containment (their order is {@link Ordering}). */
public final class Values {
    private Values() {
    }

    /**
     * What {@code size()} answers: a string's length in UTF-8 bytes, a binary's length in bytes,
     * the number of members of a set, of elements of a list, of entries of a map. Empty for a
     * number, a boolean or null.
     */
    static Optional<Value> size(Value value) {
        int size;
        if (value instanceof Value.S s) {
            size = s.value().getBytes(StandardCharsets.UTF_8).length;
        } else if (value instanceof Value.B b) {
            size = b.value().length();
        } else if (value instanceof Value.SS set) {
            size = set.values().size();
        } else if (value instanceof Value.NS set) {
            size = set.values().size();
        } else if (value instanceof Value.BS set) {
            size = set.values().size();
        } else if (value instanceof Value.L list) {
            size = list.values().size();
        } else if (value instanceof Value.M map) {
            size = map.values().size();
        } else {
            return Optional.empty();
        }
        return Optional.of(new Value.N(BigDecimal.valueOf(size)));
    }

    /** {@code begins_with}: a string starting with a string, or a binary with a binary. */
    public static boolean beginsWith(Value value, Value prefix) {
        if (value instanceof Value.S s && prefix instanceof Value.S p) {
            return s.value().startsWith(p.value());
        }
        if (value instanceof Value.B b && prefix instanceof Value.B p) {
            return b.value().startsWith(p.value());
        }
        return false;
    }

    /**
     * {@code contains}: a substring of a string, a part of a binary, a member of a set of the
     * operand's type, or an element of a list.
     */
    public static boolean contains(Value value, Value operand) {
        if (value instanceof Value.S s) {
            return operand instanceof Value.S part && s.value().contains(part.value());
        }
        if (value instanceof Value.B b) {
            return operand instanceof Value.B part && b.value().contains(part.value());
        }
        if (value instanceof Value.SS set) {
            return operand instanceof Value.S member && set.values().contains(member.value());
        }
        if (value instanceof Value.NS set) {
            return operand instanceof Value.N member && set.values().contains(member.value());
        }
        if (value instanceof Value.BS set) {
            return operand instanceof Value.B member && set.values().contains(member.value());
        }
        if (value instanceof Value.L list) {
            return list.values().contains(operand);
        }
        return false;
    }

    /** A scalar as DynamoDB writes it inside messages: {@code N:5}, {@code S:abc}. */
    static String describe(Value value) {
        String text;
        if (value instanceof Value.S s) {
            text = s.value();
        } else if (value instanceof Value.N n) {
            text = n.text();
        } else if (value instanceof Value.B b) {
            text = b.value().base64();
        } else {
            text = value.toString();
        }
        return value.type() + ":" + text;
    }
}
