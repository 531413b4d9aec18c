package io.cruddur.messaging.adapters.dynamodb.kcl;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.stream.MessageStreamHandler;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewMessageHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * The table's stream as a {@link NewMessageFeed} for a fleet: a worker of the Kinesis Client
 * Library, through Amazon's DynamoDB Streams Kinesis Adapter. Workers of one application share
 * the stream by leases kept in DynamoDB: each shard is read by one worker at a time, whatever the
 * fleet's size, and checkpointed there after every handled batch, so a worker that stops or dies
 * hands its shards to the others, which resume from the checkpoint. Records are delivered at
 * least once (after a takeover, the batch in hand may come again); moving group rows makes
 * repeats harmless. Works against AWS and against any endpoint that speaks DynamoDB and DynamoDB
 * Streams as AWS does, such as the project's own engine.
 *
 * <p>The KCL creates three tables of its own (see {@link KclSettings#applicationName()}), and
 * reports no metrics here.
 */
public final class KclStreamWorker implements NewMessageFeed {
    private static final Logger LOG = LoggerFactory.getLogger(KclStreamWorker.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How often a shard consumer moves through its states; the KCL's 1 s makes a takeover slow. */
    private static final long DISPATCH_POLL_MILLIS = 100;
    /** The KCL's default sampling of a worker's load. */
    private static final long MAX_METRICS_SAMPLE_MILLIS = 1_000;

    private final DynamoDbSettings table;
    private final KclSettings settings;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Scheduler scheduler;
    private Thread thread;

    /**
     * A worker, idle until {@link #start}. It builds its clients when started (a streams client, an
     * asynchronous DynamoDB client for the leases, and a CloudWatch client the KCL requires but
     * never calls here) and closes them in {@link #close}.
     *
     * @param table    the message table and how to reach it, for every client the worker builds
     * @param settings the application, this worker's id, and how leases fail over
     */
    public KclStreamWorker(DynamoDbSettings table, KclSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    /**
     * Joins the fleet: builds the clients, finds the table's stream, and runs the worker on a thread of its own.
     * A shard without a checkpoint is read from the oldest record the stream holds. A worker already
     * started ignores the call.
     *
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code storage_unavailable} when
     *         the table cannot be described
     * @throws IllegalStateException when the table has no stream
     */
    @Override
    public synchronized void start(NewMessageHandler handler) {
        if (scheduler != null) {
            return;
        }
        stopping.set(false);
        String streamArn;
        try (DynamoDbClient dynamo = DynamoDbClients.dynamo(table)) {
            streamArn = dynamo.describeTable(request -> request.tableName(table.tableName())).table().latestStreamArn();
        } catch (SdkException failure) {
            throw new MessagingException(ErrorCode.STORAGE_UNAVAILABLE, "the table's stream cannot be found", failure);
        }
        if (streamArn == null) {
            throw new IllegalStateException("table " + table.tableName() + " has no stream");
        }
        // a local endpoint without a region is addressed in the one its ARNs name
        Region region = table.region().map(Region::of).orElseGet(() -> table.endpoint().isPresent()
                ? Region.of(streamArn.split(":")[3])
                : DefaultAwsRegionProviderChain.builder().build().getRegion());
        DynamoDbStreamsClient streams = keep(DynamoDbClients.streams(table));
        DynamoDbAsyncClient leases = keep(DynamoDbClients.configureForTable(DynamoDbAsyncClient.builder(), table)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()).build());
        // the KCL requires a CloudWatch client even with its metrics off (below); it is never called
        CloudWatchAsyncClient cloudWatch = keep(CloudWatchAsyncClient.builder().region(region)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()).build());
        AmazonDynamoDBStreamsAdapterClient adapter = new AmazonDynamoDBStreamsAdapterClient(streams, region);

        ConfigsBuilder configs = new ConfigsBuilder(
                StreamsSchedulerFactory.createSingleStreamTracker(
                        streamArn,
                        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                settings.applicationName(), adapter, leases, cloudWatch, settings.workerId(),
                () -> new MessageRecordProcessor(new MessageStreamHandler(handler), stopping::get));
        long failover = settings.failover().toMillis();
        LeaseManagementConfig leaseConfig = configs.leaseManagementConfig()
                // the adapter sets both itself, but only after building what reads them: DynamoDB Streams
                // shards need no periodic sync, and their hash ranges no audit for holes
                .shardSyncIntervalMillis(0)
                .leasesRecoveryAuditorInconsistencyConfidenceThreshold(0)
                .failoverTimeMillis(failover)
                .leaseAssignmentIntervalMillis(failover);
        // a stopped worker counts as live for two reports: report as often as leases fail over; the first
        // report waits for two samples, so sample often enough that a new worker gets leases soon
        leaseConfig.workerUtilizationAwareAssignmentConfig()
                .workerMetricsReporterFreqInMillis(failover)
                .inMemoryWorkerMetricsCaptureFrequencyMillis(Math.min(MAX_METRICS_SAMPLE_MILLIS, failover / 8));
        CoordinatorConfig coordinator = configs.coordinatorConfig()
                .shardConsumerDispatchPollIntervalMillis(DISPATCH_POLL_MILLIS);
        RetrievalConfig retrieval = configs.retrievalConfig().retrievalSpecificConfig(
                new DynamoDBStreamsPollingConfig(adapter).idleTimeBetweenReadsInMillis(settings.idleBetweenReads().toMillis()));
        scheduler = StreamsSchedulerFactory.createScheduler(configs.checkpointConfig(), coordinator, leaseConfig,
                configs.lifecycleConfig(),
                configs.metricsConfig().metricsFactory(new NullMetricsFactory()).metricsLevel(MetricsLevel.NONE),
                configs.processorConfig(), retrieval, adapter);
        thread = new Thread(scheduler, "stream-worker-" + settings.workerId());
        thread.setDaemon(true);
        thread.start();
        LOG.info("stream worker {} of {} started on {}", settings.workerId(), settings.applicationName(), streamArn);
    }

    /**
     * Leaves the fleet: the batch in hand finishes (or its retries stop), the shards are left at
     * their last checkpoint for the other workers, and the clients close. A graceful shutdown is
     * given up to 30 s, then forced; the worker may be started again afterwards.
     */
    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        stopping.set(true);
        try {
            scheduler.startGracefulShutdown().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException notClean) {
            LOG.warn("stream worker {} did not stop cleanly: {}", settings.workerId(), notClean.toString());
            scheduler.shutdown();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            scheduler.shutdown();
        }
        join(thread);
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception closing) {
                LOG.debug("closing a client of the stream worker: {}", closing.toString());
            }
        }
        clients.clear();
        scheduler = null;
    }

    private <C extends AutoCloseable> C keep(C client) {
        clients.add(client);
        return client;
    }

    private static void join(Thread thread) {
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
