package io.cruddur.engine.dynamodb.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value, of one of its ten types. Values are immutable; numbers are held
 * normalised (no trailing zeros), so that equal numbers are equal values and set members.
 */
public sealed interface Value {

    /** The type's descriptor as the protocol writes it: {@code S}, {@code N}, {@code B}, {@code SS}… */
    String type();

    /** The value's size as DynamoDB counts it towards the item size and capacity units. */
    int size();

    /** A string: compared by its UTF-8 bytes, as DynamoDB compares them. */
    record S(String value) implements Value {
        @Override
        public String type() {
            return "S";
        }

        @Override
        public int size() {
            return utf8Length(value);
        }
    }

    /** A number of up to 38 significant digits. */
    record N(BigDecimal value) implements Value {
        public N {
            value = Numbers.normalise(value);
        }

        @Override
        public String type() {
            return "N";
        }

        @Override
        public int size() {
            return Numbers.size(value);
        }

        /** The number as the protocol writes it. */
        public String text() {
            return Numbers.text(value);
        }
    }

    /** A binary value. */
    record B(Bytes value) implements Value {
        @Override
        public String type() {
            return "B";
        }

        @Override
        public int size() {
            return value.length();
        }
    }

    /** A set of strings, never empty. */
    record SS(Set<String> values) implements Value {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public String type() {
            return "SS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(Value::utf8Length).sum();
        }
    }

    /** A set of numbers, never empty. */
    record NS(Set<BigDecimal> values) implements Value {
        public NS {
            LinkedHashSet<BigDecimal> normalised = new LinkedHashSet<>();
            values.forEach(number -> normalised.add(Numbers.normalise(number)));
            values = Collections.unmodifiableSet(normalised);
        }

        @Override
        public String type() {
            return "NS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(Numbers::size).sum();
        }
    }

    /** A set of binary values, never empty. */
    record BS(Set<Bytes> values) implements Value {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public String type() {
            return "BS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(Bytes::length).sum();
        }
    }

    /** A map of named values. */
    record M(Map<String, Value> values) implements Value {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String type() {
            return "M";
        }

        @Override
        public int size() {
            int size = 3;
            for (Map.Entry<String, Value> entry : values.entrySet()) {
                size += utf8Length(entry.getKey()) + entry.getValue().size() + 1;
            }
            return size;
        }
    }

    /** A list of values. */
    record L(List<Value> values) implements Value {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }

        @Override
        public int size() {
            int size = 3;
            for (Value element : values) {
                size += element.size() + 1;
            }
            return size;
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements Value {
        @Override
        public String type() {
            return "BOOL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** The null value. */
    record Null() implements Value {
        @Override
        public String type() {
            return "NULL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** A string value. */
    static Value string(String value) {
        return new S(value);
    }

    /** A number value from its text. */
    static Value number(String text) {
        return new N(Numbers.parse(text));
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
