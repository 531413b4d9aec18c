package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.engine.dynamodb.expressions.KeyCondition;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Bytes;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import io.cruddur.engine.dynamodb.storage.RowKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a Query reads: one partition and, optionally, a range of its sort keys.
 *
 * @param partition the partition key value
 * @param operator {@code EQ}, {@code LT}, {@code LE}, {@code GT}, {@code GE}, {@code BETWEEN} or
 *     {@code BEGINS_WITH}; {@code null} for the whole partition
 * @param values the operator's operands
 */
record SortRange(Value partition, String operator, List<Value> values) {

    static SortRange of(KeyCondition parsed, KeySchema schema) {
        KeyCondition condition = parsed.validate(schema.hashName(), schema.rangeName());
        checkType(condition.partitionKeyValue(), schema.hashType());
        return condition.sortKey().map(sort -> {
            sort.values().forEach(value -> checkType(value, schema.rangeType()));
            String operator = sort.operator().name();
            if (operator.equals("BEGINS_WITH") && schema.rangeType().equals("N")) {
                throw ApiException.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                        + "function; operator or function: begins_with, operand type: N");
            }
            return new SortRange(condition.partitionKeyValue(), operator, sort.values());
        }).orElse(new SortRange(condition.partitionKeyValue(), null, List.of()));
    }

    static SortRange ofLegacy(JsonNode keyConditions, KeySchema schema) {
        Value partition = null;
        String operator = null;
        List<Value> values = List.of();
        int conditions = 0;
        for (Map.Entry<String, JsonNode> entry : keyConditions.properties()) {
            conditions++;
            Legacy.AttributeCondition condition = Legacy.comparison(entry.getKey(), entry.getValue());
            if (entry.getKey().equals(schema.hashName())) {
                if (!condition.operator().equals("EQ")) {
                    throw ApiException.validation("Query key condition not supported");
                }
                partition = condition.arguments().get(0);
                checkType(partition, schema.hashType());
            } else if (entry.getKey().equals(schema.rangeName())) {
                if (!List.of("EQ", "LT", "LE", "GT", "GE", "BETWEEN", "BEGINS_WITH").contains(condition.operator())) {
                    throw ApiException.validation("Query key condition not supported");
                }
                operator = condition.operator();
                values = condition.arguments();
                values.forEach(value -> checkType(value, schema.rangeType()));
                if (operator.equals("BEGINS_WITH") && schema.rangeType().equals("N")) {
                    throw ApiException.validation("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH "
                            + "is not valid for N AttributeValue type");
                }
            } else {
                throw ApiException.validation("Query condition missed key schema element: " + schema.hashName());
            }
        }
        if (partition == null) {
            throw ApiException.validation("Query condition missed key schema element: " + schema.hashName());
        }
        if (conditions > 2) {
            throw ApiException.validation("Conditions can be of length 1 or 2 only");
        }
        return new SortRange(partition, operator, values);
    }

    /** The rows of a partition within the range, in ascending order. */
    NavigableMap<RowKey, Map<String, Value>> slice(NavigableMap<RowKey, Map<String, Value>> rows) {
        if (operator == null) {
            return rows;
        }
        Value first = values.get(0);
        return switch (operator) {
            case "EQ" -> rows.subMap(RowKey.before(first), true, RowKey.after(first), true);
            case "LT" -> rows.headMap(RowKey.before(first), false);
            case "LE" -> rows.headMap(RowKey.after(first), false);
            case "GT" -> rows.tailMap(RowKey.after(first), false);
            case "GE" -> rows.tailMap(RowKey.before(first), false);
            case "BETWEEN" -> rows.subMap(RowKey.before(first), false, RowKey.after(values.get(1)), false);
            case "BEGINS_WITH" -> {
                Value end = prefixEnd(first);
                yield end == null ? rows.tailMap(RowKey.before(first), false)
                        : rows.subMap(RowKey.before(first), false, RowKey.before(end), false);
            }
            default -> throw new IllegalStateException(operator);
        };
    }

    /** The least value greater than every value that starts with {@code prefix}; {@code null} if there is none. */
    private static Value prefixEnd(Value prefix) {
        if (prefix instanceof Value.S s) {
            int[] codePoints = s.value().codePoints().toArray();
            for (int i = codePoints.length - 1; i >= 0; i--) {
                if (codePoints[i] < Character.MAX_CODE_POINT) {
                    int next = codePoints[i] + 1;
                    if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                        next = Character.MAX_SURROGATE + 1;
                    }
                    int[] end = Arrays.copyOf(codePoints, i + 1);
                    end[i] = next;
                    return new Value.S(new String(end, 0, end.length));
                }
            }
            return null;
        }
        byte[] bytes = ((Value.B) prefix).value().toArray();
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(bytes, i + 1);
                end[i]++;
                return new Value.B(Bytes.copyOf(end));
            }
        }
        return null;
    }

    private static void checkType(Value value, String type) {
        if (!value.type().equals(type)) {
            throw ApiException.validation("One or more parameter values were invalid: Condition parameter type does not "
                    + "match schema type");
        }
    }
}
