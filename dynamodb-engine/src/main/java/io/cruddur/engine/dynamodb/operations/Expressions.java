package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.engine.dynamodb.expressions.Condition;
import io.cruddur.engine.dynamodb.expressions.ExpressionContext;
import io.cruddur.engine.dynamodb.expressions.Projection;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import io.cruddur.engine.dynamodb.storage.KeySchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A request's expressions and legacy parameters, parsed once: its condition, its projection, and
 * the placeholder checks DynamoDB makes of the whole request.
 */
final class Expressions {
    /** KeyConditions is missing on purpose: DynamoDB takes it beside a filter or projection expression. */
    private static final List<String> LEGACY_MEMBERS = List.of("AttributesToGet", "AttributeUpdates", "ConditionalOperator",
            "Expected", "QueryFilter", "ScanFilter");
    private static final List<String> EXPRESSION_MEMBERS = List.of("ConditionExpression", "FilterExpression",
            "KeyConditionExpression", "ProjectionExpression", "UpdateExpression");
    private final JsonNode request;
    private final ExpressionContext context;
    private final boolean hasNames;
    private final boolean hasValues;
    private String filterMember;
    private Set<String> filterAttributes = Set.of();

    Expressions(JsonNode request) {
        this.request = request;
        refuseMixing();
        Map<String, String> names = Requests.names(request);
        Map<String, Value> values = Requests.values(request);
        this.hasNames = names != null;
        this.hasValues = values != null;
        this.context = new ExpressionContext(names, values);
    }

    ExpressionContext context() {
        return context;
    }

    /**
     * The write condition: {@code ConditionExpression}, or the legacy {@code Expected}; {@code null} without one.
     */
    Predicate<Map<String, Value>> condition() {
        String expression = Requests.optional(request, "ConditionExpression", null);
        if (expression != null) {
            Condition condition = Condition.parse(expression, "ConditionExpression", context);
            return condition::test;
        }
        return Legacy.expected(request);
    }

    /** The read filter: {@code FilterExpression}, or the legacy filter member; {@code null} without one. */
    Predicate<Map<String, Value>> filter(String legacyMember) {
        String expression = Requests.optional(request, "FilterExpression", null);
        if (expression != null) {
            Condition condition = Condition.parse(expression, "FilterExpression", context);
            filterMember = "Filter Expression";
            filterAttributes = condition.topLevelAttributes();
            return condition::test;
        }
        JsonNode legacy = request.get(legacyMember);
        if (legacy == null || legacy.isNull()) {
            return null;
        }
        filterMember = legacyMember;
        filterAttributes = new LinkedHashSet<>();
        legacy.fieldNames().forEachRemaining(filterAttributes::add);
        List<Legacy.AttributeCondition> conditions = Legacy.filter(legacy);
        return Legacy.combine(conditions, Legacy.conditionalOperator(request, false));
    }

    /**
     * What a read returns of each item: {@code ProjectionExpression}, or the legacy {@code AttributesToGet};
     * {@code null} for the whole item.
     */
    UnaryOperator<Map<String, Value>> projection() {
        String expression = Requests.optional(request, "ProjectionExpression", null);
        if (expression != null) {
            Projection projection = Projection.parse(expression, context);
            return projection::apply;
        }
        JsonNode attributes = request.get("AttributesToGet");
        if (attributes == null || attributes.isNull()) {
            return null;
        }
        if (attributes.isEmpty()) {
            throw Requests.constraint("[]", "attributesToGet", "Member must have length greater than or equal to 1");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode attribute : attributes) {
            if (!names.add(attribute.asText())) {
                throw ApiException.validation("One or more parameter values were invalid: Duplicate value in attribute name: "
                        + attribute.asText());
            }
        }
        return item -> {
            Map<String, Value> projected = new LinkedHashMap<>();
            names.forEach(name -> {
                Value value = item.get(name);
                if (value != null) {
                    projected.put(name, value);
                }
            });
            return projected;
        };
    }

    /** Refuses placeholders the request's expressions never used, or placeholders without expressions. */
    void checkPlaceholders(String... expressionMembers) {
        List<String> present = new ArrayList<>();
        for (String member : expressionMembers) {
            JsonNode node = request.get(member);
            if (node != null && !node.isNull()) {
                present.add(member);
            }
        }
        if (present.isEmpty()) {
            if (hasNames) {
                throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (hasValues) {
                throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions: "
                        + String.join(" and ", expressionMembers) + (expressionMembers.length == 1 ? " is null" : " are null"));
            }
            return;
        }
        context.checkAllUsed();
    }

    /**
     * Refuses a filter of a Query that reads a key attribute of the table or index queried: keys
     * belong in the key condition.
     */
    void refuseKeysInFilter(KeySchema schema) {
        for (String attribute : filterAttributes) {
            if (schema.isKeyAttribute(attribute)) {
                throw ApiException.validation(filterMember + " can only contain non-primary key attributes: "
                        + "Primary key attribute: " + attribute);
            }
        }
    }

    /** A request uses either the expression parameters or the legacy ones, never both. */
    private void refuseMixing() {
        refuseMixing(present(LEGACY_MEMBERS), present(EXPRESSION_MEMBERS));
        refuseMixing(present(List.of("KeyConditions")), present(List.of("KeyConditionExpression")));
    }

    private static void refuseMixing(List<String> legacy, List<String> expressions) {
        if (!legacy.isEmpty() && !expressions.isEmpty()) {
            throw ApiException.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
                    + String.join(", ", expressions) + "}");
        }
    }

    private List<String> present(List<String> members) {
        List<String> present = new ArrayList<>();
        for (String member : members) {
            JsonNode node = request.get(member);
            if (node != null && !node.isNull()) {
                present.add(member);
            }
        }
        return present;
    }
}
