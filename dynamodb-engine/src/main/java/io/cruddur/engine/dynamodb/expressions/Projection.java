package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A projection expression ({@code ProjectionExpression}): the attributes, or parts of them, that a
 * read returns. Paths that lead nowhere in an item are left out; list elements picked from one
 * list keep their order and close up, as DynamoDB returns them.
 */
public final class Projection {
    private final List<DocumentPath> paths;

    private Projection(List<DocumentPath> paths) {
        this.paths = paths;
    }

    /**
     * Parses a {@code ProjectionExpression}.
     *
     * @param expression the expression as the request gives it
     * @param context    the request's placeholders
     * @return the parsed projection
     * @throws ApiException a {@code ValidationException} worded as DynamoDB words it
     */
    public static Projection parse(String expression, ExpressionContext context) {
        Objects.requireNonNull(expression, "expression");
        return new Projection(ExpressionParser.projection(expression, context));
    }

    /**
     * Projects an item.
     *
     * @param item an item's attributes
     * @return the parts of the item the projection names
     */
    public Map<String, Value> apply(Map<String, Value> item) {
        return project(paths, item);
    }

    /**
     * The top-level attributes the projection reaches into.
     *
     * @return the attribute names, in the order written
     */
    public Set<String> topLevelAttributes() {
        Set<String> names = new LinkedHashSet<>();
        paths.forEach(path -> names.add(path.topLevel()));
        return Collections.unmodifiableSet(names);
    }

    /** The parts of {@code item} at {@code paths}, which must neither overlap nor conflict. */
    static Map<String, Value> project(List<DocumentPath> paths, Map<String, Value> item) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (DocumentPath path : paths) {
            List<DocumentPath.Step> steps = path.steps();
            Value found = path.resolve(item).orElse(null);
            if (found == null) {
                continue;
            }
            Object node = result;
            Value source = item.get(path.topLevel());
            for (int i = 0; i < steps.size() - 1; i++) {
                DocumentPath.Step step = steps.get(i);
                if (i > 0) {
                    source = DocumentPath.step(source, step);
                }
                Object child = child(node, step);
                if (child == null) {
                    child = source instanceof Value.L ? new TreeMap<Integer, Object>() : new LinkedHashMap<String, Object>();
                    put(node, step, child);
                }
                node = child;
            }
            put(node, steps.get(steps.size() - 1), found);
        }
        Map<String, Value> projected = new LinkedHashMap<>();
        result.forEach((name, node) -> projected.put(name, build(node)));
        return Collections.unmodifiableMap(projected);
    }

    @SuppressWarnings("unchecked")
    private static Object child(Object node, DocumentPath.Step step) {
        if (step instanceof DocumentPath.Key key) {
            return ((Map<String, Object>) node).get(key.name());
        }
        return ((TreeMap<Integer, Object>) node).get(((DocumentPath.Index) step).index());
    }

    @SuppressWarnings("unchecked")
    private static void put(Object node, DocumentPath.Step step, Object child) {
        if (step instanceof DocumentPath.Key key) {
            ((Map<String, Object>) node).put(key.name(), child);
        } else {
            ((TreeMap<Integer, Object>) node).put(((DocumentPath.Index) step).index(), child);
        }
    }

    @SuppressWarnings("unchecked")
    private static Value build(Object node) {
        if (node instanceof Value value) {
            return value;
        }
        if (node instanceof TreeMap<?, ?> list) {
            List<Value> elements = new ArrayList<>();
            list.values().forEach(element -> elements.add(build(element)));
            return new Value.L(elements);
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        ((Map<String, Object>) node).forEach((name, child) -> entries.put(name, build(child)));
        return new Value.M(entries);
    }
}
