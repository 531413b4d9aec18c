package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A key condition expression ({@code KeyConditionExpression}) of a query: an equality on the
 * partition key and, optionally with {@code AND}, one condition on the sort key
 * ({@code = < <= > >=}, {@code BETWEEN} or {@code begins_with}).
 *
 * <p>{@link #parse} checks what the expression alone shows; {@link #validate} checks it against
 * the key schema of the table or index queried and answers the condition with the roles known,
 * which {@link #partitionKeyName()}, {@link #partitionKeyValue()} and {@link #sortKey()} need.
 */
public final class KeyCondition {
    private final List<SortKeyCondition> conditions;
    private final SortKeyCondition partitionKey;
    private final SortKeyCondition sortKey;

    private KeyCondition(List<SortKeyCondition> conditions, SortKeyCondition partitionKey, SortKeyCondition sortKey) {
        this.conditions = List.copyOf(conditions);
        this.partitionKey = partitionKey;
        this.sortKey = sortKey;
    }

    /**
     * Parses a {@code KeyConditionExpression}.
     *
     * @param expression the expression as the request gives it
     * @param context    the request's placeholders
     * @return the parsed condition, not yet told which key is which
     * @throws ApiException a {@code ValidationException} worded as DynamoDB words it
     */
    public static KeyCondition parse(String expression, ExpressionContext context) {
        Objects.requireNonNull(expression, "expression");
        ConditionNode root = ExpressionParser.condition(expression, "KeyConditionExpression", context);
        List<SortKeyCondition> conditions = new ArrayList<>();
        collect(root, conditions);
        if (conditions.size() > 2) {
            throw ApiException.validation("Conditions can be of length 1 or 2 only");
        }
        return new KeyCondition(conditions, null, null);
    }

    /**
     * Checks the condition against a key schema and answers it with the partition and sort key
     * conditions told apart.
     *
     * @param hashKeyName        the partition key attribute
     * @param rangeKeyNameOrNull the sort key attribute, or {@code null} for a partition key alone
     * @return the same condition, with its partition and sort key conditions known
     * @throws ApiException a {@code ValidationException} worded as DynamoDB words it
     */
    public KeyCondition validate(String hashKeyName, String rangeKeyNameOrNull) {
        SortKeyCondition hash = null;
        SortKeyCondition range = null;
        for (SortKeyCondition condition : conditions) {
            if (condition.attributeName().equals(hashKeyName)) {
                hash = condition;
            } else if (condition.attributeName().equals(rangeKeyNameOrNull)) {
                range = condition;
            }
        }
        if (hash == null) {
            throw ApiException.validation("Query condition missed key schema element: " + hashKeyName);
        }
        if (conditions.size() == 2 && range == null) {
            throw ApiException.validation(rangeKeyNameOrNull == null
                    ? "Query key condition not supported"
                    : "Query condition missed key schema element: " + rangeKeyNameOrNull);
        }
        if (hash.operator() != SortKeyCondition.Operator.EQ) {
            throw ApiException.validation("Query key condition not supported");
        }
        return new KeyCondition(conditions, hash, range);
    }

    /**
     * The conditions as written.
     *
     * @return one condition per attribute, in the order written
     */
    public List<SortKeyCondition> conditions() {
        return conditions;
    }

    /**
     * The partition key attribute; only once {@linkplain #validate validated}.
     *
     * @return the attribute's name
     */
    public String partitionKeyName() {
        return validated().attributeName();
    }

    /**
     * The partition key's value; only once {@linkplain #validate validated}.
     *
     * @return the value the partition key must equal
     */
    public Value partitionKeyValue() {
        return validated().value();
    }

    /**
     * The condition on the sort key, if any; only once {@linkplain #validate validated}.
     *
     * @return the sort key condition, or empty when the expression has none
     */
    public Optional<SortKeyCondition> sortKey() {
        validated();
        return Optional.ofNullable(sortKey);
    }

    private SortKeyCondition validated() {
        if (partitionKey == null) {
            throw new IllegalStateException("validate the key condition against the key schema first");
        }
        return partitionKey;
    }

    // ---------------------------------------------------------------- from the tree

    private static void collect(ConditionNode node, List<SortKeyCondition> conditions) {
        if (node instanceof ConditionNode.And and) {
            collect(and.left(), conditions);
            collect(and.right(), conditions);
            return;
        }
        if (node instanceof ConditionNode.Or) {
            throw invalidOperator("OR");
        }
        if (node instanceof ConditionNode.Not) {
            throw invalidOperator("NOT");
        }
        if (node instanceof ConditionNode.In) {
            throw invalidOperator("IN");
        }
        SortKeyCondition condition;
        if (node instanceof ConditionNode.Comparison comparison) {
            condition = comparison(comparison);
        } else if (node instanceof ConditionNode.Between between) {
            noNestedOperations(between.subject(), between.lower(), between.upper());
            if (!(between.subject() instanceof Operand.PathOperand)) {
                throw firstOperand("BETWEEN");
            }
            condition = condition(SortKeyCondition.Operator.BETWEEN,
                    List.of(between.subject(), between.lower(), between.upper()));
        } else {
            Operand.Call call = ((ConditionNode.Function) node).call();
            if (!call.name().equals("begins_with")) {
                throw invalidOperator(call.name());
            }
            noNestedOperations(call.arguments().toArray(Operand[]::new));
            if (!(call.arguments().get(0) instanceof Operand.PathOperand)) {
                throw firstOperand("begins_with");
            }
            condition = condition(SortKeyCondition.Operator.BEGINS_WITH, call.arguments());
        }
        for (SortKeyCondition earlier : conditions) {
            if (earlier.attributeName().equals(condition.attributeName())) {
                throw ApiException.validation("KeyConditionExpressions must only contain one condition per key");
            }
        }
        conditions.add(condition);
    }

    private static SortKeyCondition comparison(ConditionNode.Comparison comparison) {
        noNestedOperations(comparison.left(), comparison.right());
        SortKeyCondition.Operator operator;
        boolean swapped = !(comparison.left() instanceof Operand.PathOperand)
                && comparison.right() instanceof Operand.PathOperand;
        switch (comparison.comparator()) {
            case EQ:
                operator = SortKeyCondition.Operator.EQ;
                break;
            case LT:
                operator = swapped ? SortKeyCondition.Operator.GT : SortKeyCondition.Operator.LT;
                break;
            case LE:
                operator = swapped ? SortKeyCondition.Operator.GE : SortKeyCondition.Operator.LE;
                break;
            case GT:
                operator = swapped ? SortKeyCondition.Operator.LT : SortKeyCondition.Operator.GT;
                break;
            case GE:
                operator = swapped ? SortKeyCondition.Operator.LE : SortKeyCondition.Operator.GE;
                break;
            default:
                throw invalidOperator("<>");
        }
        List<Operand> operands = swapped
                ? List.of(comparison.right(), comparison.left())
                : List.of(comparison.left(), comparison.right());
        return condition(operator, operands);
    }

    /** A condition from operands of which exactly one, the first, is a top-level attribute. */
    private static SortKeyCondition condition(SortKeyCondition.Operator operator, List<Operand> operands) {
        String attribute = null;
        List<Value> values = new ArrayList<>();
        for (Operand operand : operands) {
            if (operand instanceof Operand.PathOperand path) {
                if (attribute != null) {
                    throw invalidCondition("Multiple attribute names used in one condition");
                }
                if (!path.path().isTopLevel()) {
                    throw ApiException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                attribute = path.path().topLevel();
            } else {
                values.add(((Operand.Literal) operand).value());
            }
        }
        if (attribute == null) {
            throw invalidCondition("No key attribute specified");
        }
        return new SortKeyCondition(operator, attribute, values);
    }

    private static void noNestedOperations(Operand... operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.Call) {
                throw ApiException.validation("KeyConditionExpressions cannot contain nested operations");
            }
        }
    }

    private static ApiException invalidOperator(String operator) {
        return ApiException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static ApiException firstOperand(String operator) {
        return invalidCondition(operator + " operator must have the key attribute as its first operand");
    }

    private static ApiException invalidCondition(String detail) {
        return ApiException.validation("Invalid condition in KeyConditionExpression: " + detail);
    }
}
