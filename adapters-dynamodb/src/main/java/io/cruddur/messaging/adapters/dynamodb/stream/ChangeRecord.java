package io.cruddur.messaging.adapters.dynamodb.stream;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One stream record, whichever host delivered it: the event, its position in the shard, and the new image. */
public record ChangeRecord(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {
    public ChangeRecord {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        newImage = newImage == null ? Map.of() : Map.copyOf(newImage);
    }
}
