package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading a request's members, with DynamoDB's own words when one is missing or out of bounds. */
final class Requests {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private Requests() {
    }

    /** A required string member. */
    static String required(JsonNode request, String member) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            throw ApiException.validation("The parameter '" + member + "' is required but was not present in the request");
        }
        return node.asText();
    }

    /** An optional string member, or {@code fallback}. */
    static String optional(JsonNode request, String member, String fallback) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? fallback : node.asText();
    }

    /** An optional boolean member. */
    static boolean flag(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node != null && node.asBoolean(false);
    }

    /** An optional member of an enumeration, checked against its values. */
    static String choice(JsonNode request, String member, String memberPath, String fallback, Set<String> allowed) {
        String value = optional(request, member, fallback);
        if (value != null && !allowed.contains(value)) {
            throw constraint(value, memberPath, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** The table name, checked as DynamoDB's request validation checks it. */
    static String tableName(JsonNode request) {
        return name(required(request, "TableName"), "tableName");
    }

    /** A table or index name: 3 to 255 of letters, digits, {@code _ . -}. */
    static String name(String name, String memberPath) {
        List<String> errors = new ArrayList<>();
        if (name.length() < 3) {
            errors.add(constraintText(name, memberPath, "Member must have length greater than or equal to 3"));
        }
        if (name.length() > 255) {
            errors.add(constraintText(name, memberPath, "Member must have length less than or equal to 255"));
        }
        if (!NAME.matcher(name).matches()) {
            errors.add(constraintText(name, memberPath,
                    "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
        }
        if (!errors.isEmpty()) {
            throw validationErrors(errors);
        }
        return name;
    }

    /** An optional integer member with a lower (and optional upper) bound. */
    static Integer limit(JsonNode request, String member, String memberPath, int min, int max) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        long value = node.asLong();
        if (value < min) {
            throw constraint(Long.toString(value), memberPath, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw constraint(Long.toString(value), memberPath, "Member must have value less than or equal to " + max);
        }
        return (int) value;
    }

    /** The request's expression attribute names, or {@code null} when absent. */
    static Map<String, String> names(JsonNode request) {
        JsonNode node = request.get("ExpressionAttributeNames");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isEmpty()) {
            throw ApiException.validation("ExpressionAttributeNames must not be empty");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            names.put(entry.getKey(), entry.getValue().asText());
        }
        return names;
    }

    /** The request's expression attribute values, or {@code null} when absent. */
    static Map<String, Value> values(JsonNode request) {
        JsonNode node = request.get("ExpressionAttributeValues");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isEmpty()) {
            throw ApiException.validation("ExpressionAttributeValues must not be empty");
        }
        return JsonValues.item(node);
    }

    /** A validation error of one member's constraint, worded as DynamoDB's request validation words it. */
    static ApiException constraint(String value, String memberPath, String constraint) {
        return validationErrors(List.of(constraintText(value, memberPath, constraint)));
    }

    private static String constraintText(String value, String memberPath, String constraint) {
        return "Value '" + value + "' at '" + memberPath + "' failed to satisfy constraint: " + constraint;
    }

    private static ApiException validationErrors(List<String> errors) {
        String count = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
        return ApiException.validation(count + String.join("; ", errors));
    }
}
