package io.cruddur.messaging.adapters.dynamodb.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Walks every shard of a table's stream in order, a parent shard to its end before any of its
 * children, handing each batch of records to a handler and checkpointing after it (in memory and
 * in {@link StreamCheckpoints}), so a failed batch, an expired iterator or a restart resumes
 * exactly where it stopped. Not thread-safe: one walker per reading thread.
 */
final class ShardWalker {
    private static final Logger LOG = LoggerFactory.getLogger(ShardWalker.class);
    /**
     * Records per read, the most a read returns: under load a large batch is what keeps the refresh of group rows
     * up, since a group's rows move once per batch however many of its messages the batch holds.
     */
    private static final int BATCH_LIMIT = 1_000;

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final StreamCheckpoints checkpoints;
    private final ChangeBatchHandler handler;
    private final Map<String, ShardCursor> shards = new LinkedHashMap<>();
    private String streamArn;
    private long handledRecords;

    /** Where reading a shard stands: its parent, its next iterator, the last sequence number handled. */
    private static final class ShardCursor {
        private final String parentId;
        private String iterator;
        private String checkpoint;
        private boolean finished;

        ShardCursor(String parentId, String checkpoint) {
            this.parentId = parentId;
            this.checkpoint = checkpoint;
        }
    }

    ShardWalker(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table, StreamCheckpoints checkpoints,
            ChangeBatchHandler handler) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.table = table;
        this.checkpoints = checkpoints;
        this.handler = handler;
    }

    /** One pass over every readable shard, each read once; true when any record arrived. */
    boolean pass() {
        discoverShards();
        boolean progressed = false;
        for (Map.Entry<String, ShardCursor> entry : new ArrayList<>(shards.entrySet())) {
            ShardCursor cursor = entry.getValue();
            if (!cursor.finished && parentDone(cursor)) {
                progressed |= readShard(entry.getKey(), cursor);
            }
        }
        return progressed;
    }

    /** After a failed request: learn the stream again on the next pass; checkpoints are kept. */
    void forgetStream() {
        streamArn = null;
        shards.values().forEach(cursor -> cursor.iterator = null);
    }

    long handledRecords() {
        return handledRecords;
    }

    private boolean readShard(String shardId, ShardCursor cursor) {
        if (cursor.iterator == null) {
            cursor.iterator = iterator(shardId, cursor.checkpoint);
        }
        GetRecordsResponse response;
        try {
            response = streams.getRecords(request -> request.shardIterator(cursor.iterator).limit(BATCH_LIMIT));
        } catch (ExpiredIteratorException expired) {
            cursor.iterator = null;
            return false;
        } catch (TrimmedDataAccessException trimmed) {
            LOG.warn("records of shard {} were trimmed before they were read", shardId);
            cursor.checkpoint = null;
            cursor.iterator = null;
            return false;
        }
        List<ChangeRecord> records = response.records().stream().map(ShardWalker::change).toList();
        ChangeBatchHandler.BatchResult result = handler.handle(records);
        if (result.failedAt().isPresent()) {
            // Resume at the failed record: everything before it is done.
            int failed = result.failedPosition(records);
            if (failed > 0) {
                checkpoint(shardId, cursor, records.get(failed - 1).sequenceNumber());
            }
            cursor.iterator = null;
            handledRecords += failed;
            return false;
        }
        if (!records.isEmpty()) {
            checkpoint(shardId, cursor, records.get(records.size() - 1).sequenceNumber());
            handledRecords += records.size();
        }
        cursor.iterator = response.nextShardIterator();
        if (cursor.iterator == null) {
            cursor.finished = true;
        }
        return !records.isEmpty();
    }

    private void checkpoint(String shardId, ShardCursor cursor, String sequenceNumber) {
        cursor.checkpoint = sequenceNumber;
        checkpoints.save(streamArn, shardId, sequenceNumber);
    }

    private String iterator(String shardId, String checkpoint) {
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (checkpoint == null) {
                request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint);
            }
        }).shardIterator();
    }

    /** Learns the stream and its shards; shards seen before keep their place and checkpoint. */
    private void discoverShards() {
        Map<String, String> saved = Map.of();
        if (streamArn == null) {
            streamArn = dynamo.describeTable(request -> request.tableName(table)).table().latestStreamArn();
            if (streamArn == null) {
                throw new IllegalStateException("table " + table + " has no stream");
            }
            saved = checkpoints.load(streamArn);
        }
        Map<String, String> resumeFrom = saved;
        String lastShard = null;
        do {
            String startAfter = lastShard;
            StreamDescription description = streams.describeStream(request -> request
                    .streamArn(streamArn).exclusiveStartShardId(startAfter)).streamDescription();
            for (Shard shard : description.shards()) {
                shards.computeIfAbsent(shard.shardId(),
                        id -> new ShardCursor(shard.parentShardId(), resumeFrom.get(id)));
            }
            lastShard = description.lastEvaluatedShardId();
        } while (lastShard != null);
    }

    private boolean parentDone(ShardCursor cursor) {
        ShardCursor parent = cursor.parentId == null ? null : shards.get(cursor.parentId);
        return parent == null || parent.finished;
    }

    private static ChangeRecord change(Record record) {
        return new ChangeRecord(record.eventNameAsString(), record.dynamodb().sequenceNumber(),
                Optional.ofNullable(record.dynamodb().newImage()).orElse(Map.of()));
    }
}
