package io.cruddur.engine.dynamodb.storage;

import io.cruddur.engine.dynamodb.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Item sizes as DynamoDB counts them: each attribute's name in UTF-8 bytes plus its value's size. */
public final class Items {
    /** The largest item DynamoDB stores: 400 KB. */
    public static final int MAX_SIZE = 400 * 1024;

    private Items() {
    }

    /** The item's size in bytes. */
    public static int size(Map<String, Value> item) {
        int size = 0;
        for (Map.Entry<String, Value> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + attribute.getValue().size();
        }
        return size;
    }
}
