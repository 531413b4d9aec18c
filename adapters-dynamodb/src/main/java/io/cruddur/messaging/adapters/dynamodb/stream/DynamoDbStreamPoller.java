package io.cruddur.messaging.adapters.dynamodb.stream;

import io.cruddur.messaging.adapters.dynamodb.StorageErrors;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewMessageHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The table's stream as a {@link NewMessageFeed} for a single process (the embedded host, tests,
 * one self-hosted instance): one background thread walks every shard ({@link ShardWalker}),
 * backing off up to {@code maxIdleWait} when nothing arrives. Checkpoints are kept in a table of
 * their own, so a restart resumes where the last run stopped. Records are delivered at least
 * once; moving group rows makes repeats harmless. Only one process may poll a table's stream:
 * for a fleet, use the Kinesis Client Library worker.
 */
public final class DynamoDbStreamPoller implements NewMessageFeed {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamPoller.class);
    private static final Duration MIN_IDLE_WAIT = Duration.ofMillis(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    private final String table;
    private final StreamCheckpoints checkpoints;
    private final Duration maxIdleWait;
    private final AtomicLong handledRecords = new AtomicLong();
    /** Bumped by every start and stop; a thread runs only while the generation it started in lasts. */
    private final AtomicLong generation = new AtomicLong();
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);
    private Thread worker;

    /**
     * A poller of {@code table}'s stream, idle until {@link #start}; the clients stay the caller's
     * to close, after {@link #close}.
     *
     * @param dynamo      the client that finds the table's stream and keeps the checkpoints in
     *                    {@code {table}-checkpoints}
     * @param streams     the client that reads the stream
     * @param table       the message table, whose stream must be enabled
     * @param maxIdleWait the longest pause between passes that find nothing; pauses start at 20 ms
     *                    and double up to it
     */
    public DynamoDbStreamPoller(DynamoDbClient dynamo, DynamoDbStreamsClient streams, String table,
            Duration maxIdleWait) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.table = table;
        this.checkpoints = new StreamCheckpoints(dynamo, table);
        this.maxIdleWait = maxIdleWait;
    }

    /**
     * Starts reading after the last checkpoint (from the oldest record the stream holds the first
     * time), creating the checkpoint table if it is missing. A thread of an earlier run that is
     * still finishing its batch is waited for first, so two threads never read at once. A poller
     * already running ignores the call.
     *
     * @throws io.cruddur.messaging.core.domain.MessagingException a {@code storage_*} code when the
     *         checkpoint table cannot be created
     */
    @Override
    public synchronized void start(NewMessageHandler handler) {
        if (worker != null && worker.isAlive() && stopSignal.getCount() > 0) {
            return;
        }
        awaitPreviousWorker();
        try {
            checkpoints.ensureTable();
        } catch (SdkException failure) {
            throw StorageErrors.translate(failure);
        }
        long run = generation.incrementAndGet();
        stopSignal = new CountDownLatch(1);
        ShardWalker walker = new ShardWalker(dynamo, streams, table, checkpoints, new MessageStreamHandler(handler));
        worker = new Thread(() -> run(run, walker), "dynamodb-stream-poller-" + table);
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

    /** {@return how many stream records have been read and handled since this poller was made (all kinds, not only messages)} */
    public long handledRecords() {
        return handledRecords.get();
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

    private void run(long run, ShardWalker walker) {
        Duration idleWait = MIN_IDLE_WAIT;
        while (generation.get() == run) {
            boolean progressed;
            long before = walker.handledRecords();
            try {
                progressed = walker.pass();
            } catch (SdkException failure) {
                LOG.warn("reading the stream of {} failed; retrying: {}", table, failure.toString());
                walker.forgetStream();
                progressed = false;
            } catch (RuntimeException defect) {
                // A table without a stream, or a handler's defect: the thread must not end silently.
                LOG.error("handling the stream of {} failed; retrying from the last checkpoint", table, defect);
                walker.forgetStream();
                progressed = false;
            }
            handledRecords.addAndGet(walker.handledRecords() - before);
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
