package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.Ordering;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The condition a key condition expression puts on one key attribute: on the sort key any of
 * its operators; on the partition key only {@link Operator#EQ}.
 *
 * @param operator      how the attribute is compared
 * @param attributeName the key attribute
 * @param values        one value, or two for {@link Operator#BETWEEN} (lower bound first)
 */
public record SortKeyCondition(Operator operator, String attributeName, List<Value> values) {

    /** The operators a key condition may use. */
    public enum Operator {
        /** {@code =}. */
        EQ,
        /** {@code <}. */
        LT,
        /** {@code <=}. */
        LE,
        /** {@code >}. */
        GT,
        /** {@code >=}. */
        GE,
        /** {@code BETWEEN lower AND upper}, both included. */
        BETWEEN,
        /** {@code begins_with(key, prefix)}. */
        BEGINS_WITH
    }

    /**
     * A condition, with its values copied.
     *
     * @param operator      how the attribute is compared
     * @param attributeName the key attribute
     * @param values        one value, or two for {@link Operator#BETWEEN} (lower bound first)
     */
    public SortKeyCondition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(attributeName, "attributeName");
        values = List.copyOf(values);
    }

    /**
     * The value compared with, or the lower bound of {@code BETWEEN}.
     *
     * @return the first value
     */
    public Value value() {
        return values.get(0);
    }

    /**
     * Tests a key attribute's value.
     *
     * @param keyValue the attribute's value, or {@code null} when the item has none
     * @return whether the value meets the condition
     */
    public boolean test(Value keyValue) {
        if (keyValue == null) {
            return false;
        }
        switch (operator) {
            case EQ:
                return keyValue.equals(value());
            case BEGINS_WITH:
                return Values.beginsWith(keyValue, value());
            default:
                break;
        }
        OptionalInt order = Ordering.compare(keyValue, value());
        if (order.isEmpty()) {
            return false;
        }
        int sign = order.getAsInt();
        switch (operator) {
            case LT:
                return sign < 0;
            case LE:
                return sign <= 0;
            case GT:
                return sign > 0;
            case GE:
                return sign >= 0;
            default:
                OptionalInt upper = Ordering.compare(keyValue, values.get(1));
                return sign >= 0 && upper.isPresent() && upper.getAsInt() <= 0;
        }
    }
}
