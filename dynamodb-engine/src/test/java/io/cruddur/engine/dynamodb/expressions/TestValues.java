package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.Bytes;
import io.cruddur.engine.dynamodb.model.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Short ways to write values and items in tests. */
final class TestValues {
    private TestValues() {
    }

    static Value s(String text) {
        return new Value.S(text);
    }

    static Value n(String text) {
        return Value.number(text);
    }

    static Value b(String text) {
        return new Value.B(Bytes.copyOf(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Value b(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return new Value.B(Bytes.copyOf(raw));
    }

    static Value ss(String... members) {
        return new Value.SS(new LinkedHashSet<>(List.of(members)));
    }

    static Value ns(String... members) {
        return new Value.NS(Arrays.stream(members).map(BigDecimal::new)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static Value bs(String... members) {
        return new Value.BS(Arrays.stream(members).map(m -> Bytes.copyOf(m.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    static Value l(Value... elements) {
        return new Value.L(List.of(elements));
    }

    static Value m(Object... keysAndValues) {
        return new Value.M(item(keysAndValues));
    }

    static Value bool(boolean value) {
        return new Value.Bool(value);
    }

    static Value nul() {
        return new Value.Null();
    }

    /** An item from alternating names and values. */
    static Map<String, Value> item(Object... keysAndValues) {
        Map<String, Value> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            item.put((String) keysAndValues[i], (Value) keysAndValues[i + 1]);
        }
        return item;
    }

    /** Placeholder values from alternating {@code :names} and values. */
    static Map<String, Value> values(Object... keysAndValues) {
        return item(keysAndValues);
    }

    /** Placeholder names from alternating {@code #names} and attribute names. */
    static Map<String, String> names(String... keysAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            names.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return names;
    }
}
