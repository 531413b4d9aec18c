package io.cruddur.engine.dynamodb.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.engine.dynamodb.expressions.Condition;
import io.cruddur.engine.dynamodb.expressions.ExpressionContext;
import io.cruddur.engine.dynamodb.expressions.Projection;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
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
    private final JsonNode request;
    private final ExpressionContext context;
    private final boolean hasNames;
    private final boolean hasValues;

    Expressions(JsonNode request) {
        this.request = request;
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
        refuseMixing("Expected", "ConditionExpression");
        refuseMixing("ConditionalOperator", "ConditionExpression");
        if (expression != null) {
            Condition condition = Condition.parse(expression, "ConditionExpression", context);
            return condition::test;
        }
        return Legacy.expected(request);
    }

    /** The read filter: {@code FilterExpression}, or the legacy filter member; {@code null} without one. */
    Predicate<Map<String, Value>> filter(String legacyMember) {
        String expression = Requests.optional(request, "FilterExpression", null);
        refuseMixing(legacyMember, "FilterExpression");
        if (expression != null) {
            Condition condition = Condition.parse(expression, "FilterExpression", context);
            return condition::test;
        }
        JsonNode legacy = request.get(legacyMember);
        if (legacy == null || legacy.isNull()) {
            return null;
        }
        List<Legacy.AttributeCondition> conditions = Legacy.filter(legacy);
        return Legacy.combine(conditions, Legacy.conditionalOperator(request, false));
    }

    /**
     * What a read returns of each item: {@code ProjectionExpression}, or the legacy {@code AttributesToGet};
     * {@code null} for the whole item.
     */
    UnaryOperator<Map<String, Value>> projection() {
        String expression = Requests.optional(request, "ProjectionExpression", null);
        refuseMixing("AttributesToGet", "ProjectionExpression");
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

    private void refuseMixing(String legacyMember, String expressionMember) {
        JsonNode legacy = request.get(legacyMember);
        JsonNode expression = request.get(expressionMember);
        if (legacy != null && !legacy.isNull() && expression != null && !expression.isNull()) {
            throw ApiException.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + legacyMember + "} Expression parameters: {" + expressionMember + "}");
        }
    }
}
