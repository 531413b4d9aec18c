package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Ordering;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A condition expression ({@code ConditionExpression}) or filter expression
 * ({@code FilterExpression}), parsed once and tested against items.
 *
 * <p>Comparisons hold only between values of one type: {@code =} is false and {@code <>} true
 * across types, and the orderings ({@code < <= > >=}, {@code BETWEEN}) are false unless both
 * sides are strings, numbers or binaries of the same type. A missing attribute compares like a
 * value of no type.
 */
public final class Condition {
    private final ConditionNode root;

    private Condition(ConditionNode root) {
        this.root = root;
    }

    /**
     * Parses a {@code ConditionExpression}.
     *
     * @param expression the expression as the request gives it
     * @param context    the request's placeholders
     * @return the parsed condition
     * @throws ApiException a {@code ValidationException} worded as DynamoDB words it
     */
    public static Condition parse(String expression, ExpressionContext context) {
        return parse(expression, "ConditionExpression", context);
    }

    /**
     * Parses a condition given in the request parameter {@code parameterName}, such as
     * {@code FilterExpression}, which DynamoDB's messages name.
     *
     * @param expression    the expression as the request gives it
     * @param parameterName the request parameter holding it, named in messages
     * @param context       the request's placeholders
     * @return the parsed condition
     * @throws ApiException a {@code ValidationException} worded as DynamoDB words it
     */
    public static Condition parse(String expression, String parameterName, ExpressionContext context) {
        Objects.requireNonNull(expression, "expression");
        return new Condition(ExpressionParser.condition(expression, parameterName, context));
    }

    /** The top-level attributes the condition reads. */
    public Set<String> topLevelAttributes() {
        Set<String> names = new LinkedHashSet<>();
        collect(root, names);
        return names;
    }

    private static void collect(ConditionNode node, Set<String> names) {
        if (node instanceof ConditionNode.Comparison comparison) {
            collect(comparison.left(), names);
            collect(comparison.right(), names);
        } else if (node instanceof ConditionNode.Between between) {
            collect(between.subject(), names);
            collect(between.lower(), names);
            collect(between.upper(), names);
        } else if (node instanceof ConditionNode.In in) {
            collect(in.subject(), names);
            in.candidates().forEach(candidate -> collect(candidate, names));
        } else if (node instanceof ConditionNode.Function function) {
            collect(function.call(), names);
        } else if (node instanceof ConditionNode.And and) {
            collect(and.left(), names);
            collect(and.right(), names);
        } else if (node instanceof ConditionNode.Or or) {
            collect(or.left(), names);
            collect(or.right(), names);
        } else if (node instanceof ConditionNode.Not not) {
            collect(not.operand(), names);
        }
    }

    private static void collect(Operand operand, Set<String> names) {
        if (operand instanceof Operand.PathOperand path) {
            names.add(path.path().topLevel());
        } else if (operand instanceof Operand.Call call) {
            call.arguments().forEach(argument -> collect(argument, names));
        }
    }

    /**
     * Tests an item.
     *
     * @param item the item's attributes; an empty map stands for no item at all
     * @return whether the item meets the condition
     */
    public boolean test(Map<String, Value> item) {
        return test(root, item);
    }

    static boolean test(ConditionNode condition, Map<String, Value> item) {
        if (condition instanceof ConditionNode.Comparison comparison) {
            return compare(comparison.comparator(), value(comparison.left(), item), value(comparison.right(), item));
        }
        if (condition instanceof ConditionNode.Between between) {
            Optional<Value> subject = value(between.subject(), item);
            return compare(ConditionNode.Comparator.GE, subject, value(between.lower(), item))
                    && compare(ConditionNode.Comparator.LE, subject, value(between.upper(), item));
        }
        if (condition instanceof ConditionNode.In in) {
            Optional<Value> subject = value(in.subject(), item);
            return subject.isPresent()
                    && in.candidates().stream().anyMatch(candidate -> value(candidate, item).equals(subject));
        }
        if (condition instanceof ConditionNode.Function function) {
            return function(function.call(), item);
        }
        if (condition instanceof ConditionNode.And and) {
            return test(and.left(), item) && test(and.right(), item);
        }
        if (condition instanceof ConditionNode.Or or) {
            return test(or.left(), item) || test(or.right(), item);
        }
        return !test(((ConditionNode.Not) condition).operand(), item);
    }

    private static boolean compare(ConditionNode.Comparator comparator, Optional<Value> left, Optional<Value> right) {
        boolean equal = left.isPresent() && left.equals(right);
        switch (comparator) {
            case EQ:
                return equal;
            case NE:
                return !equal;
            default:
                break;
        }
        if (left.isEmpty() || right.isEmpty()) {
            return false;
        }
        OptionalInt order = Ordering.compare(left.get(), right.get());
        if (order.isEmpty()) {
            return false;
        }
        int sign = order.getAsInt();
        switch (comparator) {
            case LT:
                return sign < 0;
            case LE:
                return sign <= 0;
            case GT:
                return sign > 0;
            default:
                return sign >= 0;
        }
    }

    private static boolean function(Operand.Call call, Map<String, Value> item) {
        Optional<Value> first = value(call.arguments().get(0), item);
        switch (call.name()) {
            case "attribute_exists":
                return first.isPresent();
            case "attribute_not_exists":
                return first.isEmpty();
            default:
                break;
        }
        Optional<Value> second = value(call.arguments().get(1), item);
        if (first.isEmpty() || second.isEmpty()) {
            return false;
        }
        switch (call.name()) {
            case "attribute_type":
                return second.get() instanceof Value.S type && first.get().type().equals(type.value());
            case "begins_with":
                return Values.beginsWith(first.get(), second.get());
            default:
                return Values.contains(first.get(), second.get());
        }
    }

    /** An operand's value in {@code item}; empty for a missing attribute or a size of nothing. */
    static Optional<Value> value(Operand operand, Map<String, Value> item) {
        if (operand instanceof Operand.PathOperand path) {
            return path.path().resolve(item);
        }
        if (operand instanceof Operand.Literal literal) {
            return Optional.of(literal.value());
        }
        if (operand instanceof Operand.Call call && call.name().equals("size")) {
            return value(call.arguments().get(0), item).flatMap(Values::size);
        }
        return Optional.empty();
    }
}
