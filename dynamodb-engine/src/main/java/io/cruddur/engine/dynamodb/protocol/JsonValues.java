package io.cruddur.engine.dynamodb.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Bytes;
import io.cruddur.engine.dynamodb.model.Numbers;
import io.cruddur.engine.dynamodb.model.Value;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Attribute values and items between the JSON 1.0 protocol and the engine's {@link Value}s. */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Documents nest at most 32 levels deep, the item itself counted as the first. */
    private static final int MAX_NESTING_LEVELS = 32;
    /** The type names, encoded once: an answer writes one per value. */
    private static final SerializedString TYPE_S = new SerializedString("S");
    private static final SerializedString TYPE_N = new SerializedString("N");
    private static final SerializedString TYPE_B = new SerializedString("B");
    private static final SerializedString TYPE_BOOL = new SerializedString("BOOL");
    private static final SerializedString TYPE_NULL = new SerializedString("NULL");
    private static final SerializedString TYPE_SS = new SerializedString("SS");
    private static final SerializedString TYPE_NS = new SerializedString("NS");
    private static final SerializedString TYPE_BS = new SerializedString("BS");
    private static final SerializedString TYPE_L = new SerializedString("L");
    private static final SerializedString TYPE_M = new SerializedString("M");
    /** An attribute name is at most 64 KB long. */
    private static final int MAX_NAME_BYTES = 65_535;

    private JsonValues() {
    }

    /** A JSON mapper for the protocol: attribute names may be 64 KB long, longer than Jackson's default limit. */
    public static ObjectMapper mapper() {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNameLength(1 << 20).build();
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    /** An item (or key, or placeholder map) from its JSON object; {@code null} or missing gives an empty map. */
    public static Map<String, Value> item(JsonNode node) {
        return item(node, 1);
    }

    /** The attributes of a map at {@code level}, the item itself being level 1. */
    private static Map<String, Value> item(JsonNode node, int level) {
        Map<String, Value> item = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return item;
        }
        if (!node.isObject()) {
            throw ApiException.validation("Supplied AttributeValue has a map of the wrong shape");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().length() > MAX_NAME_BYTES / 3
                    && field.getKey().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw ApiException.validation("One or more parameter values were invalid: "
                        + "An attribute name exceeds the maximum size of " + MAX_NAME_BYTES + " bytes");
            }
            item.put(field.getKey(), value(field.getValue(), level));
        }
        return item;
    }

    /** One attribute value from its JSON form, e.g. {@code {"S":"x"}}. */
    public static Value value(JsonNode node) {
        return value(node, 1);
    }

    private static Value value(JsonNode node, int level) {
        if (node == null || !node.isObject()) {
            throw ApiException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        int present = 0;
        String type = null;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isNull()) {
                present++;
                type = field.getKey();
            }
        }
        if (present != 1) {
            String reason = present == 0 ? "empty" : "has multiple datatypes";
            throw ApiException.validation("Supplied AttributeValue " + reason
                    + ", must contain exactly one of the supported datatypes");
        }
        JsonNode content = node.get(type);
        if ((type.equals("L") || type.equals("M")) && level >= MAX_NESTING_LEVELS) {
            throw ApiException.validation("Nesting Levels have exceeded supported limits: "
                    + "Attributes in the item have nested levels beyond supported limit");
        }
        return switch (type) {
            case "S" -> new Value.S(text(content));
            case "N" -> new Value.N(Numbers.parse(text(content)));
            case "B" -> new Value.B(binary(content));
            case "BOOL" -> new Value.Bool(content.asBoolean());
            case "NULL" -> nullValue(content);
            case "SS" -> stringSet(content);
            case "NS" -> numberSet(content);
            case "BS" -> binarySet(content);
            case "L" -> list(content, level + 1);
            case "M" -> new Value.M(item(content, level + 1));
            default -> throw ApiException.validation(
                    "Supplied AttributeValue has an unknown datatype: " + type);
        };
    }

    /**
     * An item as a JSON node that writes itself straight to the output, never built as a tree of
     * nodes: answers carry many items, and building the tree cost more than writing it. It is
     * written after the engine's lock is released, which is safe because a stored item's map is
     * never changed: a write stores a new one.
     */
    public static JsonNode itemJson(Map<String, Value> item) {
        return NODES.pojoNode(new StreamedItem(item));
    }

    private record StreamedItem(Map<String, Value> item) implements JsonSerializable {
        @Override
        public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
            writeItem(out, item);
        }

        @Override
        public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types)
                throws IOException {
            writeItem(out, item);
        }
    }

    /** Writes an item's JSON object to {@code out}. */
    public static void writeItem(JsonGenerator out, Map<String, Value> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Value> attribute : item.entrySet()) {
            out.writeFieldName(attribute.getKey());
            writeValue(out, attribute.getValue());
        }
        out.writeEndObject();
    }

    private static void writeValue(JsonGenerator out, Value value) throws IOException {
        out.writeStartObject();
        if (value instanceof Value.S s) {
            out.writeFieldName(TYPE_S);
            out.writeString(s.value());
        } else if (value instanceof Value.N n) {
            out.writeFieldName(TYPE_N);
            out.writeString(n.text());
        } else if (value instanceof Value.B b) {
            out.writeFieldName(TYPE_B);
            out.writeString(b.value().base64());
        } else if (value instanceof Value.Bool bool) {
            out.writeFieldName(TYPE_BOOL);
            out.writeBoolean(bool.value());
        } else if (value instanceof Value.Null) {
            out.writeFieldName(TYPE_NULL);
            out.writeBoolean(true);
        } else if (value instanceof Value.SS ss) {
            out.writeFieldName(TYPE_SS);
            out.writeStartArray();
            for (String member : ss.values()) {
                out.writeString(member);
            }
            out.writeEndArray();
        } else if (value instanceof Value.NS ns) {
            out.writeFieldName(TYPE_NS);
            out.writeStartArray();
            for (BigDecimal member : ns.values()) {
                out.writeString(new Value.N(member).text());
            }
            out.writeEndArray();
        } else if (value instanceof Value.BS bs) {
            out.writeFieldName(TYPE_BS);
            out.writeStartArray();
            for (Bytes member : bs.values()) {
                out.writeString(member.base64());
            }
            out.writeEndArray();
        } else if (value instanceof Value.L l) {
            out.writeFieldName(TYPE_L);
            out.writeStartArray();
            for (Value element : l.values()) {
                writeValue(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof Value.M m) {
            out.writeFieldName(TYPE_M);
            writeItem(out, m.values());
        }
        out.writeEndObject();
    }

    private static String text(JsonNode content) {
        if (!content.isTextual()) {
            throw ApiException.validation("Supplied AttributeValue has a value of the wrong type");
        }
        return content.textValue();
    }

    private static Bytes binary(JsonNode content) {
        try {
            return Bytes.fromBase64(text(content));
        } catch (IllegalArgumentException notBase64) {
            throw ApiException.validation("Invalid Base64 value in a binary attribute");
        }
    }

    private static Value nullValue(JsonNode content) {
        if (!content.asBoolean()) {
            throw ApiException.validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        return new Value.Null();
    }

    private static Value stringSet(JsonNode content) {
        List<String> members = new ArrayList<>();
        for (JsonNode member : elements(content, "string")) {
            members.add(text(member));
        }
        return new Value.SS(distinct(members));
    }

    private static Value numberSet(JsonNode content) {
        List<BigDecimal> members = new ArrayList<>();
        for (JsonNode member : elements(content, "number")) {
            members.add(Numbers.parse(text(member)));
        }
        return new Value.NS(distinct(members.stream().map(number -> new Value.N(number).value()).toList()));
    }

    private static Value binarySet(JsonNode content) {
        List<Bytes> members = new ArrayList<>();
        for (JsonNode member : elements(content, "binary")) {
            members.add(binary(member));
        }
        return new Value.BS(distinct(members));
    }

    private static Value list(JsonNode content, int level) {
        if (!content.isArray()) {
            throw ApiException.validation("Supplied AttributeValue has a list of the wrong shape");
        }
        List<Value> elements = new ArrayList<>();
        for (JsonNode element : content) {
            elements.add(value(element, level));
        }
        return new Value.L(elements);
    }

    private static JsonNode elements(JsonNode content, String kind) {
        if (!content.isArray()) {
            throw ApiException.validation("Supplied AttributeValue has a set of the wrong shape");
        }
        if (content.isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: An " + kind + " set  may not be empty");
        }
        return content;
    }

    private static <T> Set<T> distinct(List<T> members) {
        Set<T> set = new LinkedHashSet<>(members);
        if (set.size() != members.size()) {
            throw ApiException.validation("One or more parameter values were invalid: Input collection " + members
                    + " contains duplicates.");
        }
        return set;
    }
}
