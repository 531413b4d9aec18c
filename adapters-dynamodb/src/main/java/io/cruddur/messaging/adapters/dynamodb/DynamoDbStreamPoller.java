package io.cruddur.messaging.adapters.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
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
 * Drives pattern E from the table's stream without Lambda: for local use, the embedded host and
 * tests. One background thread reads every shard in order, a parent shard to its end before any
 * of its children, and keeps a checkpoint (the last handled sequence number) per shard, so a
 * failed batch or an expired iterator resumes exactly where it stopped. When nothing arrives it
 * backs off, up to {@code maxIdleWait}. Records are delivered at least once; pattern E makes
 * repeats harmless.
 */
public final class DynamoDbStreamPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamPoller.class);
    private static final Duration MIN_IDLE_WAIT = Duration.ofMillis(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Records per read: small enough that a stop takes effect soon after it is asked for. */
    private static final int BATCH_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final ChangeBatchHandler handler;
    private final Duration maxIdleWait;
    private final Map<String, ShardCursor> shards = new LinkedHashMap<>();
    private final AtomicLong handledRecords = new AtomicLong();
    /** Bumped by every start and stop; a thread runs only while the generation it started in lasts. */
    private final AtomicLong generation = new AtomicLong();
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);
    private Thread worker;
    private String streamArn;

    /** Where reading a shard stands: its parent, its next iterator, the last sequence number handled. */
    private static final class ShardCursor {
        private final String parentId;
        private String iterator;
        private String checkpoint;
        private boolean finished;

        ShardCursor(String parentId) {
            this.parentId = parentId;
        }
    }

    public DynamoDbStreamPoller(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table,
            ChangeBatchHandler handler, Duration maxIdleWait) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.table = table;
        this.handler = handler;
        this.maxIdleWait = maxIdleWait;
    }

    /**
     * Starts reading from the oldest record the stream still holds. A thread of an earlier run that
     * is still finishing its batch is waited for first, so two threads never read at once.
     */
    public synchronized void start() {
        if (worker != null && worker.isAlive() && stopSignal.getCount() > 0) {
            return;
        }
        awaitPreviousWorker();
        long run = generation.incrementAndGet();
        stopSignal = new CountDownLatch(1);
        worker = new Thread(() -> run(run), "dynamodb-stream-poller-" + table);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Stops after the batch in hand and waits for the thread to end. The thread is signalled, not
     * interrupted, so a request under way completes rather than being aborted half-way.
     */
    @Override
    public synchronized void close() {
        generation.incrementAndGet();
        stopSignal.countDown();
        if (worker == null) {
            return;
        }
        try {
            worker.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOG.warn("the stream poller of {} is still finishing a batch; it stops after it", table);
        }
    }

    private void awaitPreviousWorker() {
        if (worker == null) {
            return;
        }
        try {
            worker.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the previous poller finished", interrupted);
        }
        worker = null;
    }

    /** How many stream records have been read and handled since start (all kinds, not only messages). */
    public long handledRecords() {
        return handledRecords.get();
    }

    private void run(long run) {
        Duration idleWait = MIN_IDLE_WAIT;
        while (generation.get() == run) {
            boolean progressed;
            try {
                progressed = pollOnce(run);
            } catch (SdkException failure) {
                LOG.warn("reading the stream of {} failed; retrying: {}", table, failure.toString());
                streamArn = null;
                progressed = false;
            }
            if (progressed) {
                idleWait = MIN_IDLE_WAIT;
                continue;
            }
            if (!sleep(idleWait)) {
                return;
            }
            idleWait = idleWait.multipliedBy(2).compareTo(maxIdleWait) > 0 ? maxIdleWait : idleWait.multipliedBy(2);
        }
    }

    /** One pass over every readable shard; true when any record arrived. */
    private boolean pollOnce(long run) {
        discoverShards();
        boolean progressed = false;
        for (Map.Entry<String, ShardCursor> entry : new ArrayList<>(shards.entrySet())) {
            ShardCursor cursor = entry.getValue();
            if (generation.get() != run) {
                break;
            }
            if (cursor.finished || !parentDone(cursor)) {
                continue;
            }
            progressed |= readShard(entry.getKey(), cursor);
        }
        return progressed;
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
        List<ChangeRecord> records = response.records().stream().map(DynamoDbStreamPoller::change).toList();
        ChangeBatchHandler.BatchResult result = handler.handle(records);
        if (result.failedAt().isPresent()) {
            // Resume at the failed record: everything before it is done.
            int failed = positionOf(records, result.failedAt().get());
            if (failed > 0) {
                cursor.checkpoint = records.get(failed - 1).sequenceNumber();
            }
            cursor.iterator = null;
            handledRecords.addAndGet(failed);
            return false;
        }
        if (!records.isEmpty()) {
            cursor.checkpoint = records.get(records.size() - 1).sequenceNumber();
            handledRecords.addAndGet(records.size());
        }
        cursor.iterator = response.nextShardIterator();
        if (cursor.iterator == null) {
            cursor.finished = true;
        }
        return !records.isEmpty();
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
        if (streamArn == null) {
            streamArn = dynamo.describeTable(request -> request.tableName(table)).table().latestStreamArn();
            if (streamArn == null) {
                throw new IllegalStateException("table " + table + " has no stream");
            }
        }
        String lastShard = null;
        do {
            String startAfter = lastShard;
            StreamDescription description = streams.describeStream(request -> request
                    .streamArn(streamArn).exclusiveStartShardId(startAfter)).streamDescription();
            for (Shard shard : description.shards()) {
                shards.computeIfAbsent(shard.shardId(), id -> new ShardCursor(shard.parentShardId()));
            }
            lastShard = description.lastEvaluatedShardId();
        } while (lastShard != null);
    }

    private boolean parentDone(ShardCursor cursor) {
        ShardCursor parent = cursor.parentId == null ? null : shards.get(cursor.parentId);
        return parent == null || parent.finished;
    }

    private static int positionOf(List<ChangeRecord> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalStateException("the handler reported a record it was not given: " + sequenceNumber);
    }

    private static ChangeRecord change(Record record) {
        return new ChangeRecord(record.eventNameAsString(), record.dynamodb().sequenceNumber(),
                Optional.ofNullable(record.dynamodb().newImage()).orElse(Map.of()));
    }

    /** Waits unless stopped meanwhile; false when it is time to stop. */
    private boolean sleep(Duration wait) {
        try {
            return !stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
