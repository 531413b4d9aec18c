package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;
import java.util.Comparator;

/**
 * Where an item sits within its partition: by sort key and, in an index, then by the item's table
 * key, which tells apart items with equal index keys. A bound ({@code edge} -1 or +1) sorts before or
 * after every row of its sort key, for ranges such as {@code sk <= :x}.
 *
 * @param sort the sort key, or {@code null} in a table or index without one
 * @param tablePartition in an index, the item's table partition key; else {@code null}
 * @param tableSort in an index, the item's table sort key; else {@code null}
 * @param edge 0 for a row; -1 or +1 for a bound before or after every row of {@code sort}
 */
public record RowKey(Value sort, Value tablePartition, Value tableSort, int edge) implements Comparable<RowKey> {
    private static final Comparator<Value> NULLS_FIRST = Comparator.nullsFirst(KeyValues::compare);

    /** A table row. */
    public static RowKey of(Value sort) {
        return new RowKey(sort, null, null, 0);
    }

    /** A bound before every row of this sort key. */
    public static RowKey before(Value sort) {
        return new RowKey(sort, null, null, -1);
    }

    /** A bound after every row of this sort key. */
    public static RowKey after(Value sort) {
        return new RowKey(sort, null, null, 1);
    }

    @Override
    public int compareTo(RowKey other) {
        int bySort = NULLS_FIRST.compare(sort, other.sort);
        if (bySort != 0) {
            return bySort;
        }
        if (edge != 0 || other.edge != 0) {
            return Integer.compare(edge, other.edge);
        }
        int byPartition = NULLS_FIRST.compare(tablePartition, other.tablePartition);
        return byPartition != 0 ? byPartition : NULLS_FIRST.compare(tableSort, other.tableSort);
    }
}
