package io.cruddur.engine.dynamodb.streams;

import io.cruddur.engine.dynamodb.model.Value;
import java.math.BigInteger;
import java.util.Map;

/**
 * One change of one item, as the stream tells it.
 *
 * @param shardId the shard the record belongs to
 * @param eventId unique per record
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param sequenceNumber increasing within the shard
 * @param createdAtMillis when the change was made (ApproximateCreationDateTime)
 * @param visibleAtMillis when a reader may see it (later than created when records are set to arrive late)
 * @param keys the item's key attributes
 * @param oldImage the item before (null for an insert)
 * @param newImage the item after (null for a remove)
 * @param sizeBytes the record's size as DynamoDB counts it
 * @param byTimeToLive whether the engine removed the item because its time to live passed
 */
public record StreamRecord(String shardId, String eventId, String eventName, BigInteger sequenceNumber, long createdAtMillis,
        long visibleAtMillis, Map<String, Value> keys, Map<String, Value> oldImage, Map<String, Value> newImage,
        int sizeBytes, boolean byTimeToLive) {
}
