package io.cruddur.engine.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cruddur.engine.dynamodb.durability.DataDirectory;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.operations.Database;
import io.cruddur.engine.dynamodb.operations.Faults;
import io.cruddur.engine.dynamodb.operations.Operations;
import io.cruddur.engine.dynamodb.operations.TimeToLive;
import io.cruddur.engine.dynamodb.operations.WriteLog;
import io.cruddur.engine.dynamodb.protocol.HttpEndpoint;
import io.cruddur.engine.dynamodb.protocol.JsonValues;
import io.cruddur.engine.dynamodb.storage.Table;
import io.cruddur.engine.dynamodb.streams.SequenceNumbers;
import io.cruddur.engine.dynamodb.streams.TableStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A DynamoDB-API engine for tests and development, speaking the DynamoDB and DynamoDB Streams JSON
 * 1.0 protocol over HTTP on one port. It is a local stand-in, never a production store.
 *
 * <pre>{@code
 * try (DynamoDbEngine engine = DynamoDbEngine.builder().build().start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(engine.endpoint())...build();
 *     engine.faults().indexLag(Duration.ofMillis(200));
 * }
 * }</pre>
 */
public final class DynamoDbEngine implements AutoCloseable {
    private static final ObjectMapper JSON = JsonValues.mapper();

    private final Database database;
    private final Operations operations;
    private final TimeToLive timeToLive;
    private final InetSocketAddress address;
    private final Duration timeToLiveSweep;
    private final int threads;
    private final Path dataDirectory;
    private final boolean syncWrites;
    private HttpEndpoint endpoint;
    private ScheduledExecutorService background;

    private DynamoDbEngine(Builder builder) {
        this.database = new Database(builder.clock, builder.region, builder.accountId, SequenceNumbers.startingFresh());
        this.dataDirectory = builder.dataDirectory;
        this.syncWrites = builder.syncWrites;
        this.operations = new Operations(database);
        this.timeToLive = new TimeToLive(database);
        this.address = builder.address;
        this.timeToLiveSweep = builder.timeToLiveSweep;
        this.threads = builder.threads;
    }

    /** A builder: 127.0.0.1 on any free port, region us-east-1, expired items removed every second. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the data directory, if any, then starts listening and the background work (time to live).
     *
     * @return this engine
     * @throws UncheckedIOException when the data cannot be read or the address cannot be bound
     */
    public synchronized DynamoDbEngine start() {
        if (endpoint != null) {
            return this;
        }
        if (dataDirectory != null && database.log() == WriteLog.NONE) {
            try {
                database.useLog(DataDirectory.open(dataDirectory, database, syncWrites));
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot load the engine's data from " + dataDirectory, unreadable);
            }
        }
        try {
            endpoint = HttpEndpoint.start(operations, address, threads);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException("cannot listen on " + address, cannotListen);
        }
        background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-engine-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(() -> {
            timeToLive.sweep();
            database.trimStreams();
        }, timeToLiveSweep.toMillis(), timeToLiveSweep.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Where the engine listens, as {@code AWS_ENDPOINT_URL} would say it. */
    public URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("the engine is not started");
        }
        InetSocketAddress bound = endpoint.address();
        return URI.create("http://" + bound.getHostString() + ":" + bound.getPort());
    }

    /**
     * Answers one request in process, without HTTP: what a client would POST with this
     * {@code X-Amz-Target} (e.g. {@code DynamoDB_20120810.Query}) and this JSON body.
     *
     * @return the response body, empty for an operation that answers with none
     * @throws ApiException the refusal DynamoDB would answer
     * @throws IllegalArgumentException when {@code requestJson} is not JSON
     */
    public String call(String target, String requestJson) {
        try {
            ObjectNode answer = operations.execute(target, JSON.readTree(requestJson));
            return answer == null ? "" : JSON.writeValueAsString(answer);
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("the request is not JSON", notJson);
        }
    }

    /** The switches that make the engine behave as real DynamoDB can. */
    public Faults faults() {
        return database.faults();
    }

    /** The engine's region, as it appears in ARNs and stream records. */
    public String region() {
        return database.region();
    }

    /**
     * Closes the open shard of every table's stream and opens its child, as DynamoDB does about every
     * four hours.
     */
    public void rollOverShards() {
        database.lock().writeLock().lock();
        try {
            for (Table table : database.tables().values()) {
                TableStream stream = table.activeStream();
                if (stream != null) {
                    database.log().shardRolledOver(table.name(), stream.rollOver(database.nowMillis()));
                }
            }
        } finally {
            database.lock().writeLock().unlock();
        }
    }

    /**
     * Closes the open shard of one table's stream and opens its child.
     *
     * @throws IllegalArgumentException when the table does not exist or has no stream
     */
    public void rollOverShards(String tableName) {
        database.lock().writeLock().lock();
        try {
            Table table = database.tables().get(tableName);
            TableStream stream = table == null ? null : table.activeStream();
            if (stream == null) {
                throw new IllegalArgumentException("no table with a stream named " + tableName);
            }
            database.log().shardRolledOver(tableName, stream.rollOver(database.nowMillis()));
        } finally {
            database.lock().writeLock().unlock();
        }
    }

    /** Removes the items whose time to live has passed now, rather than at the next sweep; returns how many. */
    public int removeExpiredItems() {
        return timeToLive.sweep();
    }

    /** Applies every index change still held back by {@link Faults#indexLag}. */
    public void catchUpIndexes() {
        database.lock().writeLock().lock();
        try {
            database.catchUpIndexes(true);
        } finally {
            database.lock().writeLock().unlock();
        }
    }

    /** Stops listening and the background work, and saves the data directory's snapshot. */
    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdownNow();
        }
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        database.lock().writeLock().lock();
        try {
            database.log().close();
            database.useLog(WriteLog.NONE);
        } finally {
            database.lock().writeLock().unlock();
        }
    }

    /** The engine's settings. */
    public static final class Builder {
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private Clock clock = Clock.systemUTC();
        private Duration timeToLiveSweep = Duration.ofSeconds(1);
        private int threads = 32;
        private Path dataDirectory;
        private boolean syncWrites;

        private Builder() {
        }

        /** Listens on this port of 127.0.0.1 (0: any free port). */
        public Builder port(int port) {
            this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            return this;
        }

        /** Listens on this address. */
        public Builder address(InetSocketAddress address) {
            this.address = address;
            return this;
        }

        /** The region named in ARNs and stream records. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The account named in ARNs. */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The clock for item times, stream records and expiry (tests may pass a fixed or offset one). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How often expired items are removed, and stream records past their 24 hours dropped. */
        public Builder timeToLiveSweep(Duration interval) {
            this.timeToLiveSweep = interval;
            return this;
        }

        /**
         * Keeps the tables in this directory across restarts: every acknowledged write survives the
         * process being killed. Without one, data lives as long as the engine.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** Forces every acknowledged write to the device, so that it also survives a power loss (slower). */
        public Builder syncWrites(boolean sync) {
            this.syncWrites = sync;
            return this;
        }

        /** How many requests are served at once. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** An engine with these settings, not yet started. */
        public DynamoDbEngine build() {
            return new DynamoDbEngine(this);
        }
    }
}
