package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.engine.dynamodb.expressions.Values;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Bytes;
import io.cruddur.engine.dynamodb.model.Numbers;
import io.cruddur.engine.dynamodb.model.Ordering;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.KeyValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The parameters DynamoDB kept from before expressions: {@code Expected}, {@code QueryFilter},
 * {@code ScanFilter}, {@code KeyConditions} (conditions with a ComparisonOperator) and
 * {@code AttributeUpdates}. The KCL writes its leases with them.
 */
final class Legacy {
    private static final Set<String> OPERATORS = Set.of("EQ", "NE", "LE", "LT", "GE", "GT", "NOT_NULL", "NULL",
            "CONTAINS", "NOT_CONTAINS", "BEGINS_WITH", "IN", "BETWEEN");

    private Legacy() {
    }

    /** One attribute's condition of a legacy parameter. */
    record AttributeCondition(String attribute, String operator, List<Value> arguments) {
        boolean test(Map<String, Value> item) {
            return holds(operator, item.get(attribute), arguments);
        }
    }

    /**
     * The {@code Expected} parameter as a predicate, or {@code null} when absent.
     */
    static Predicate<Map<String, Value>> expected(JsonNode request) {
        JsonNode expected = request.get("Expected");
        if (expected == null || expected.isNull()) {
            return null;
        }
        List<AttributeCondition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : expected.properties()) {
            conditions.add(expectation(entry.getKey(), entry.getValue()));
        }
        return combine(conditions, conditionalOperator(request, conditions.isEmpty()));
    }

    /** A {@code QueryFilter} or {@code ScanFilter} as a list of conditions (empty when absent). */
    static List<AttributeCondition> filter(JsonNode filter) {
        List<AttributeCondition> conditions = new ArrayList<>();
        if (filter == null || filter.isNull()) {
            return conditions;
        }
        for (Map.Entry<String, JsonNode> entry : filter.properties()) {
            conditions.add(comparison(entry.getKey(), entry.getValue()));
        }
        return conditions;
    }

    /** Conditions joined by the request's ConditionalOperator (AND by default). */
    static Predicate<Map<String, Value>> combine(List<AttributeCondition> conditions, String operator) {
        if (operator.equals("OR")) {
            return item -> conditions.stream().anyMatch(condition -> condition.test(item));
        }
        return item -> conditions.stream().allMatch(condition -> condition.test(item));
    }

    /** The request's ConditionalOperator, refused when there is nothing to join. */
    static String conditionalOperator(JsonNode request, boolean noConditions) {
        JsonNode node = request.get("ConditionalOperator");
        if (node == null || node.isNull()) {
            return "AND";
        }
        String operator = node.asText();
        if (!operator.equals("AND") && !operator.equals("OR")) {
            throw Requests.constraint(operator, "conditionalOperator", "Member must satisfy enum value set: [OR, AND]");
        }
        if (noConditions) {
            throw ApiException.validation("ConditionalOperator cannot be used without a filter or expected conditions");
        }
        return operator;
    }

    /** One entry of {@code KeyConditions}, {@code QueryFilter} or {@code ScanFilter}. */
    static AttributeCondition comparison(String attribute, JsonNode condition) {
        String operator = Requests.optional(condition, "ComparisonOperator", null);
        if (operator == null) {
            throw ApiException.validation("One or more parameter values were invalid: ComparisonOperator is required for Attribute: "
                    + attribute);
        }
        List<Value> arguments = new ArrayList<>();
        JsonNode list = condition.get("AttributeValueList");
        if (list != null && !list.isNull()) {
            list.forEach(argument -> arguments.add(JsonValues.value(argument)));
        }
        return checked(attribute, operator, arguments);
    }

    private static AttributeCondition expectation(String attribute, JsonNode expectation) {
        JsonNode value = expectation.get("Value");
        JsonNode exists = expectation.get("Exists");
        JsonNode operator = expectation.get("ComparisonOperator");
        boolean hasValue = value != null && !value.isNull();
        boolean hasExists = exists != null && !exists.isNull();
        if (operator != null && !operator.isNull()) {
            if (hasValue || hasExists) {
                throw invalid((hasValue ? "Value" : "Exists") + " and ComparisonOperator cannot be used together for Attribute: "
                        + attribute);
            }
            return comparison(attribute, expectation);
        }
        if (hasExists && !exists.asBoolean()) {
            if (hasValue) {
                throw invalid("Value cannot be used when Exists is false for Attribute: " + attribute);
            }
            return new AttributeCondition(attribute, "NULL", List.of());
        }
        if (!hasValue) {
            throw invalid("Value must be provided when Exists is " + (hasExists ? "true" : "null") + " for Attribute: "
                    + attribute);
        }
        return new AttributeCondition(attribute, "EQ", List.of(JsonValues.value(value)));
    }

    private static AttributeCondition checked(String attribute, String operator, List<Value> arguments) {
        if (!OPERATORS.contains(operator)) {
            throw ApiException.validation("1 validation error detected: Value '" + operator
                    + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS] "
                    + "(unsupported comparison operator)");
        }
        int count = arguments.size();
        boolean countOk = switch (operator) {
            case "NULL", "NOT_NULL" -> count == 0;
            case "BETWEEN" -> count == 2;
            case "IN" -> count >= 1;
            default -> count == 1;
        };
        if (!countOk) {
            throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
        }
        for (Value argument : arguments) {
            boolean scalar = argument instanceof Value.S || argument instanceof Value.N || argument instanceof Value.B;
            boolean anyType = operator.equals("EQ") || operator.equals("NE");
            if (!anyType && !scalar) {
                throw invalid("ComparisonOperator " + operator + " is not valid for " + argument.type()
                        + " AttributeValue type");
            }
            if (operator.equals("BEGINS_WITH") && argument instanceof Value.N) {
                throw invalid("ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
            }
        }
        if ((operator.equals("IN") || operator.equals("BETWEEN"))
                && arguments.stream().map(Value::type).distinct().count() > 1) {
            throw invalid("AttributeValues inside AttributeValueList must be of same type");
        }
        if (operator.equals("BETWEEN") && KeyValues.compare(arguments.get(0), arguments.get(1)) > 0) {
            throw ApiException.validation("Invalid KeyConditionExpression: The BETWEEN condition was provided a range where "
                    + "the lower bound is greater than the upper bound");
        }
        return new AttributeCondition(attribute, operator, arguments);
    }

    /** Whether {@code actual} (null when missing) satisfies the comparison. */
    static boolean holds(String operator, Value actual, List<Value> arguments) {
        switch (operator) {
            case "NULL":
                return actual == null;
            case "NOT_NULL":
                return actual != null;
            case "EQ":
                return actual != null && actual.equals(arguments.get(0));
            case "NE":
                return actual == null || !actual.equals(arguments.get(0));
            case "IN":
                return actual != null && arguments.contains(actual);
            case "LT":
                return ordered(actual, arguments.get(0), sign -> sign < 0);
            case "LE":
                return ordered(actual, arguments.get(0), sign -> sign <= 0);
            case "GT":
                return ordered(actual, arguments.get(0), sign -> sign > 0);
            case "GE":
                return ordered(actual, arguments.get(0), sign -> sign >= 0);
            case "BETWEEN":
                return ordered(actual, arguments.get(0), sign -> sign >= 0)
                        && ordered(actual, arguments.get(1), sign -> sign <= 0);
            case "BEGINS_WITH":
                return actual != null && Values.beginsWith(actual, arguments.get(0));
            case "CONTAINS":
                return actual != null && Values.contains(actual, arguments.get(0));
            case "NOT_CONTAINS":
                return actual != null && !Values.contains(actual, arguments.get(0));
            default:
                throw new IllegalStateException(operator);
        }
    }

    /**
     * Applies {@code AttributeUpdates} to an item (a copy of the old one, or just the key).
     */
    static Map<String, Value> applyUpdates(JsonNode updates, Map<String, Value> item, Set<String> keyAttributes) {
        Map<String, Value> result = new LinkedHashMap<>(item);
        for (Map.Entry<String, JsonNode> entry : updates.properties()) {
            String attribute = entry.getKey();
            if (keyAttributes.contains(attribute)) {
                throw invalid("Cannot update attribute " + attribute + ". This attribute is part of the key");
            }
            JsonNode update = entry.getValue();
            String action = Requests.optional(update, "Action", "PUT");
            JsonNode valueNode = update.get("Value");
            Value value = valueNode == null || valueNode.isNull() ? null : JsonValues.value(valueNode);
            switch (action) {
                case "PUT" -> {
                    if (value == null) {
                        throw invalid("Only DELETE action is allowed when no attribute value is specified");
                    }
                    result.put(attribute, value);
                }
                case "DELETE" -> delete(result, attribute, value);
                case "ADD" -> add(result, attribute, value);
                default -> throw Requests.constraint(action, "attributeUpdates." + attribute + ".member.action",
                        "Member must satisfy enum value set: [ADD, PUT, DELETE]");
            }
        }
        return result;
    }

    private static void delete(Map<String, Value> item, String attribute, Value value) {
        if (value == null) {
            item.remove(attribute);
            return;
        }
        if (!(value instanceof Value.SS || value instanceof Value.NS || value instanceof Value.BS)) {
            throw invalid("DELETE action with value is not supported for the type " + value.type());
        }
        Value current = item.get(attribute);
        if (current == null) {
            return;
        }
        if (!current.type().equals(value.type())) {
            throw invalid("Type mismatch for DELETE; operator type: " + value.type() + ", existing type: " + current.type());
        }
        Value remaining = SetValues.minus(current, value);
        if (remaining == null) {
            item.remove(attribute);
        } else {
            item.put(attribute, remaining);
        }
    }

    private static void add(Map<String, Value> item, String attribute, Value value) {
        if (value == null) {
            throw invalid("Only DELETE action is allowed when no attribute value is specified");
        }
        Value current = item.get(attribute);
        if (value instanceof Value.N number) {
            if (current == null) {
                item.put(attribute, number);
            } else if (current instanceof Value.N existing) {
                item.put(attribute, new Value.N(Numbers.computed(existing.value().add(number.value()))));
            } else {
                throw invalid("Type mismatch for ADD; operator type: N, existing type: " + current.type());
            }
        } else if (value instanceof Value.SS || value instanceof Value.NS || value instanceof Value.BS) {
            if (current == null) {
                item.put(attribute, value);
            } else if (current.type().equals(value.type())) {
                item.put(attribute, SetValues.union(current, value));
            } else {
                throw invalid("Type mismatch for ADD; operator type: " + value.type() + ", existing type: " + current.type());
            }
        } else if (value instanceof Value.L list) {
            if (current == null) {
                item.put(attribute, list);
            } else if (current instanceof Value.L existing) {
                List<Value> joined = new ArrayList<>(existing.values());
                joined.addAll(list.values());
                item.put(attribute, new Value.L(joined));
            } else {
                throw invalid("Type mismatch for ADD; operator type: L, existing type: " + current.type());
            }
        } else {
            throw invalid("ADD action is not supported for the type " + value.type());
        }
    }

    /** Whether {@code actual} is of {@code argument}'s type and compares with it as {@code sign} asks. */
    private static boolean ordered(Value actual, Value argument, IntPredicate sign) {
        if (actual == null) {
            return false;
        }
        OptionalInt order = Ordering.compare(actual, argument);
        return order.isPresent() && sign.test(order.getAsInt());
    }

    private static ApiException invalid(String detail) {
        return ApiException.validation("One or more parameter values were invalid: " + detail);
    }

    /** Set arithmetic of same-typed sets. */
    static final class SetValues {
        private SetValues() {
        }

        static Value union(Value left, Value right) {
            if (left instanceof Value.SS a && right instanceof Value.SS b) {
                Set<String> all = new LinkedHashSet<>(a.values());
                all.addAll(b.values());
                return new Value.SS(all);
            }
            if (left instanceof Value.NS a && right instanceof Value.NS b) {
                Set<BigDecimal> all = new LinkedHashSet<>(a.values());
                all.addAll(b.values());
                return new Value.NS(all);
            }
            Set<Bytes> all = new LinkedHashSet<>(((Value.BS) left).values());
            all.addAll(((Value.BS) right).values());
            return new Value.BS(all);
        }

        /** The members of {@code left} not in {@code right}; {@code null} when none remain. */
        static Value minus(Value left, Value right) {
            if (left instanceof Value.SS a && right instanceof Value.SS b) {
                Set<String> rest = new LinkedHashSet<>(a.values());
                rest.removeAll(b.values());
                return rest.isEmpty() ? null : new Value.SS(rest);
            }
            if (left instanceof Value.NS a && right instanceof Value.NS b) {
                Set<BigDecimal> rest = new LinkedHashSet<>(a.values());
                rest.removeAll(b.values());
                return rest.isEmpty() ? null : new Value.NS(rest);
            }
            Set<Bytes> rest = new LinkedHashSet<>(((Value.BS) left).values());
            rest.removeAll(((Value.BS) right).values());
            return rest.isEmpty() ? null : new Value.BS(rest);
        }
    }
}
