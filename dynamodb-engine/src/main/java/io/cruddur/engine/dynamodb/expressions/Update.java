package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Bytes;
import io.cruddur.engine.dynamodb.model.Numbers;
import io.cruddur.engine.dynamodb.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An update expression ({@code UpdateExpression}): {@code SET}, {@code REMOVE}, {@code ADD} and
 * {@code DELETE} clauses, each at most once, in any order.
 *
 * <p>Every operand is read from the item as it was before the update; then the actions are
 * applied. A list index past the end of a list appends; removing a missing index does nothing;
 * several removals from one list count indexes of the list as it was. {@code ADD} creates a
 * missing attribute; {@code DELETE} that empties a set removes the attribute.
 */
public final class Update {
    private static final String INCORRECT_TYPE = "An operand in the update expression has an incorrect data type";
    private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    private static final String MISSING_ATTRIBUTE =
            "The provided expression refers to an attribute that does not exist in the item";
    /** A list element removed, or a gap before an element set past the end; closed up at the end. */
    private static final Object GONE = new Object();

    private final List<UpdateAction> actions;

    private Update(List<UpdateAction> actions) {
        this.actions = actions;
    }

    /**
     * Parses an {@code UpdateExpression}.
     *
     * @param expression the expression as the request gives it
     * @param context    the request's placeholders
     * @return the parsed update
     * @throws ApiException a {@code ValidationException} worded as DynamoDB words it
     */
    public static Update parse(String expression, ExpressionContext context) {
        Objects.requireNonNull(expression, "expression");
        return new Update(ExpressionParser.update(expression, context));
    }

    /**
     * The top-level attributes the update writes, for the caller to refuse key attributes among them.
     *
     * @return the attribute names, in the order written
     */
    public Set<String> topLevelAttributes() {
        Set<String> names = new LinkedHashSet<>();
        actions.forEach(action -> names.add(action.path().topLevel()));
        return Collections.unmodifiableSet(names);
    }

    /**
     * The parts of {@code item} at the paths the update writes: from the old item for
     * {@code UPDATED_OLD}, from the new one for {@code UPDATED_NEW}.
     *
     * @param item an item's attributes
     * @return the item's values at the updated paths, as a projection of them returns them
     */
    public Map<String, Value> updatedAttributes(Map<String, Value> item) {
        return Projection.project(actions.stream().map(UpdateAction::path).toList(), item);
    }

    /** Whether it only removes attributes: on an item that does not exist, DynamoDB then writes nothing and checks no path. */
    public boolean onlyRemoves() {
        return actions.stream().allMatch(action -> action instanceof UpdateAction.RemoveAction);
    }

    /**
     * The item after the update; {@code item} itself is left as it was (an empty map for an item
     * that does not exist yet, to which the caller adds the key).
     *
     * @param item the item's attributes before the update
     * @return the item's attributes after the update
     * @throws ApiException a {@code ValidationException} for an operand of the wrong type, a
     *                      path that cannot be written, or a number out of range
     */
    public Map<String, Value> apply(Map<String, Value> item) {
        List<Value> setValues = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.SetAction set) {
                setValues.add(evaluate(set.value(), item));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        item.forEach((name, value) -> root.put(name, mutable(value)));
        int nextSetValue = 0;
        for (UpdateAction action : actions) {
            Object parent = parent(root, action.path());
            DocumentPath.Step last = action.path().steps().get(action.path().steps().size() - 1);
            if (action instanceof UpdateAction.SetAction) {
                put(parent, last, mutable(setValues.get(nextSetValue++)));
            } else if (action instanceof UpdateAction.RemoveAction) {
                remove(parent, last);
            } else if (action instanceof UpdateAction.AddAction add) {
                Object existing = child(parent, last);
                put(parent, last, existing == null ? add.value() : added(existing, add.value()));
            } else {
                Object existing = child(parent, last);
                if (existing != null) {
                    Value rest = deleted(existing, ((UpdateAction.DeleteAction) action).value());
                    if (rest == null) {
                        remove(parent, last);
                    } else {
                        put(parent, last, rest);
                    }
                }
            }
        }
        Map<String, Value> updated = new LinkedHashMap<>();
        root.forEach((name, node) -> updated.put(name, immutable(node)));
        return Collections.unmodifiableMap(updated);
    }

    // ---------------------------------------------------------------- operands, read from the old item

    private static Value evaluate(Operand operand, Map<String, Value> item) {
        if (operand instanceof Operand.Literal literal) {
            return literal.value();
        }
        if (operand instanceof Operand.PathOperand path) {
            return path.path().resolve(item).orElseThrow(() -> ApiException.validation(MISSING_ATTRIBUTE));
        }
        if (operand instanceof Operand.Arithmetic arithmetic) {
            Value left = evaluate(arithmetic.left(), item);
            if (!(left instanceof Value.N a)) {
                throw ApiException.validation(INCORRECT_TYPE);
            }
            Value right = evaluate(arithmetic.right(), item);
            if (!(right instanceof Value.N b)) {
                throw ApiException.validation(INCORRECT_TYPE);
            }
            BigDecimal result = arithmetic.plus() ? a.value().add(b.value()) : a.value().subtract(b.value());
            return new Value.N(Numbers.computed(result));
        }
        Operand.Call call = (Operand.Call) operand;
        if (call.name().equals("if_not_exists")) {
            Operand.PathOperand path = (Operand.PathOperand) call.arguments().get(0);
            return path.path().resolve(item).orElseGet(() -> evaluate(call.arguments().get(1), item));
        }
        Value first = evaluate(call.arguments().get(0), item);
        if (!(first instanceof Value.L head)) {
            throw ApiException.validation(INCORRECT_TYPE);
        }
        Value second = evaluate(call.arguments().get(1), item);
        if (!(second instanceof Value.L tail)) {
            throw ApiException.validation(INCORRECT_TYPE);
        }
        List<Value> joined = new ArrayList<>(head.values());
        joined.addAll(tail.values());
        return new Value.L(joined);
    }

    // ---------------------------------------------------------------- ADD and DELETE

    private static Value added(Object existing, Value value) {
        if (existing instanceof Value.N a && value instanceof Value.N b) {
            return new Value.N(Numbers.computed(a.value().add(b.value())));
        }
        if (existing instanceof Value.SS a && value instanceof Value.SS b) {
            return new Value.SS(union(a.values(), b.values()));
        }
        if (existing instanceof Value.NS a && value instanceof Value.NS b) {
            return new Value.NS(union(a.values(), b.values()));
        }
        if (existing instanceof Value.BS a && value instanceof Value.BS b) {
            return new Value.BS(union(a.values(), b.values()));
        }
        throw ApiException.validation(INCORRECT_TYPE);
    }

    /** The set without the members of {@code value}, or {@code null} when nothing is left. */
    private static Value deleted(Object existing, Value value) {
        if (existing instanceof Value.SS a && value instanceof Value.SS b) {
            Set<String> rest = difference(a.values(), b.values());
            return rest.isEmpty() ? null : new Value.SS(rest);
        }
        if (existing instanceof Value.NS a && value instanceof Value.NS b) {
            Set<BigDecimal> rest = difference(a.values(), b.values());
            return rest.isEmpty() ? null : new Value.NS(rest);
        }
        if (existing instanceof Value.BS a && value instanceof Value.BS b) {
            Set<Bytes> rest = difference(a.values(), b.values());
            return rest.isEmpty() ? null : new Value.BS(rest);
        }
        throw ApiException.validation(INCORRECT_TYPE);
    }

    private static <T> Set<T> union(Set<T> existing, Set<T> added) {
        Set<T> union = new LinkedHashSet<>(existing);
        union.addAll(added);
        return union;
    }

    private static <T> Set<T> difference(Set<T> existing, Set<T> removed) {
        Set<T> rest = new LinkedHashSet<>(existing);
        rest.removeAll(removed);
        return rest;
    }

    // ---------------------------------------------------------------- the item being written

    /** The map or list holding the path's last step; refuses a path through something else. */
    private static Object parent(Map<String, Object> root, DocumentPath path) {
        List<DocumentPath.Step> steps = path.steps();
        Object node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            node = child(node, steps.get(i));
            if (node == null) {
                throw ApiException.validation(INVALID_PATH);
            }
        }
        DocumentPath.Step last = steps.get(steps.size() - 1);
        boolean fits = last instanceof DocumentPath.Key ? node instanceof Map<?, ?> : node instanceof List<?>;
        if (!fits) {
            throw ApiException.validation(INVALID_PATH);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Object child(Object node, DocumentPath.Step step) {
        if (step instanceof DocumentPath.Key key && node instanceof Map<?, ?> map) {
            return ((Map<String, Object>) map).get(key.name());
        }
        if (step instanceof DocumentPath.Index index && node instanceof List<?> list && index.index() < list.size()) {
            Object element = list.get(index.index());
            return element == GONE ? null : element;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void put(Object parent, DocumentPath.Step step, Object value) {
        if (step instanceof DocumentPath.Key key) {
            ((Map<String, Object>) parent).put(key.name(), value);
            return;
        }
        List<Object> list = (List<Object>) parent;
        int index = ((DocumentPath.Index) step).index();
        if (index < list.size()) {
            list.set(index, value);
        } else {
            while (list.size() < index) {
                list.add(GONE);
            }
            list.add(value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object parent, DocumentPath.Step step) {
        if (step instanceof DocumentPath.Key key) {
            ((Map<String, Object>) parent).remove(key.name());
            return;
        }
        List<Object> list = (List<Object>) parent;
        int index = ((DocumentPath.Index) step).index();
        if (index < list.size()) {
            list.set(index, GONE);
        }
    }

    private static Object mutable(Value value) {
        if (value instanceof Value.M map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.values().forEach((name, child) -> copy.put(name, mutable(child)));
            return copy;
        }
        if (value instanceof Value.L list) {
            List<Object> copy = new ArrayList<>();
            list.values().forEach(element -> copy.add(mutable(element)));
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Value immutable(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Value> entries = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((name, child) -> entries.put(name, immutable(child)));
            return new Value.M(entries);
        }
        if (node instanceof List<?> list) {
            List<Value> elements = new ArrayList<>();
            for (Object element : list) {
                if (element != GONE) {
                    elements.add(immutable(element));
                }
            }
            return new Value.L(elements);
        }
        return (Value) node;
    }
}
