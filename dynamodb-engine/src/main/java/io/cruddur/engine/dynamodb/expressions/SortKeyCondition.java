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
}
