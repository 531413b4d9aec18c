package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A document path: a top-level attribute name, then map keys ({@code .name}) and list indexes
 * ({@code [2]}), with every placeholder already replaced by the name it stands for.
 */
record DocumentPath(List<Step> steps) {

    /** One step of a path. */
    sealed interface Step permits Key, Index {
    }

    /** A map key, or the top-level attribute name. */
    record Key(String name) implements Step {
    }

    /** A list index. */
    record Index(int index) implements Step {
    }

    DocumentPath {
        steps = List.copyOf(steps);
    }

    /** The top-level attribute the path starts from. */
    String topLevel() {
        return ((Key) steps.get(0)).name();
    }

    /** Whether the path names a top-level attribute only. */
    boolean isTopLevel() {
        return steps.size() == 1;
    }

    /** The value at this path in {@code item}, if the path leads to one. */
    Optional<Value> resolve(Map<String, Value> item) {
        Value current = item.get(topLevel());
        for (int i = 1; i < steps.size() && current != null; i++) {
            current = step(current, steps.get(i));
        }
        return Optional.ofNullable(current);
    }

    /** The value one step down from {@code value}, or {@code null} when there is none. */
    static Value step(Value value, Step step) {
        if (step instanceof Key key && value instanceof Value.M map) {
            return map.values().get(key.name());
        }
        if (step instanceof Index index && value instanceof Value.L list && index.index() < list.values().size()) {
            return list.values().get(index.index());
        }
        return null;
    }

    /** The path as DynamoDB writes it in messages: {@code [a, b, [2], c]}. */
    @Override
    public String toString() {
        return steps.stream()
                .map(step -> step instanceof Key key ? key.name() : "[" + ((Index) step).index() + "]")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
