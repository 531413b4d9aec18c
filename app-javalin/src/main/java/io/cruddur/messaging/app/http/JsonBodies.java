package io.cruddur.messaging.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Reading request bodies: a JSON object whose fields are strings or arrays of strings, or the request is malformed (400). */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode object(ObjectMapper json, Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (JsonProcessingException malformed) {
            throw ApiErrors.HostRefusal.malformed("the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiErrors.HostRefusal.malformed("the body must be a JSON object");
        }
        return body;
    }

    /** A string field, or null when absent or null; any other type is a malformed request. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiErrors.HostRefusal.malformed(field + " must be a string");
        }
        return value.textValue();
    }

    /** An array of strings, or null when absent or null; anything else is a malformed request. */
    static List<String> texts(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiErrors.HostRefusal.malformed(field + " must be an array of strings");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ApiErrors.HostRefusal.malformed(field + " must be an array of strings");
            }
            texts.add(element.textValue());
        }
        return texts;
    }
}
