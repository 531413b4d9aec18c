package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders of one request, {@code ExpressionAttributeNames} ({@code #name} to attribute
 * name) and {@code ExpressionAttributeValues} ({@code :value} to value), shared by all the
 * expressions of that request. It remembers which placeholders the expressions used, so that the
 * request can be refused for the ones none of them used, as DynamoDB refuses it.
 */
public final class ExpressionContext {
    private final Map<String, String> names;
    private final Map<String, Value> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /**
     * A context over a request's placeholders.
     *
     * @param names  {@code ExpressionAttributeNames}, or {@code null} when the request has none
     * @param values {@code ExpressionAttributeValues}, or {@code null} when the request has none
     */
    public ExpressionContext(Map<String, String> names, Map<String, Value> values) {
        this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    }

    /**
     * A context for a request without placeholders.
     *
     * @return a context with no names and no values
     */
    public static ExpressionContext empty() {
        return new ExpressionContext(null, null);
    }

    /** The attribute name {@code placeholder} ({@code #name}) stands for, marking it used; {@code null} if undefined. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            usedNames.add(placeholder);
        }
        return name;
    }

    /** The value {@code placeholder} ({@code :value}) stands for, marking it used; {@code null} if undefined. */
    Value value(String placeholder) {
        Value value = values.get(placeholder);
        if (value != null) {
            usedValues.add(placeholder);
        }
        return value;
    }

    /**
     * Refuses placeholders that no expression parsed with this context used: names first, then values.
     *
     * @throws ApiException a {@code ValidationException} naming the unused keys
     */
    public void checkAllUsed() {
        List<String> unusedNames = names.keySet().stream().filter(key -> !usedNames.contains(key)).toList();
        if (!unusedNames.isEmpty()) {
            throw ApiException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        List<String> unusedValues = values.keySet().stream().filter(key -> !usedValues.contains(key)).toList();
        if (!unusedValues.isEmpty()) {
            throw ApiException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
