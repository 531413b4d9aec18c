package io.cruddur.messaging.adapters.dynamodb.stream;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One stream record, whichever host delivered it: the event, its position in the shard, and the new image.
 *
 * @param eventName      {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param sequenceNumber the record's position in its shard, where a reader checkpoints or resumes
 * @param newImage       the item as written; empty when the record carries none, as a
 *                       {@code REMOVE} does
 */
public record ChangeRecord(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {
    /**
     * Copies the image; a {@code null} one becomes empty.
     *
     * @param eventName      the event's name
     * @param sequenceNumber the record's position in its shard
     * @param newImage       the item as written, or {@code null} for none
     * @throws NullPointerException when the event name or the sequence number is {@code null}
     */
    public ChangeRecord {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        newImage = newImage == null ? Map.of() : Map.copyOf(newImage);
    }
}
