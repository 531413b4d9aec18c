package io.cruddur.messaging.benchmarks.load;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbMessagingPort;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.PageLimit;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.SliceQuery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The floor under the two listings (a group's messages, a user's conversations): the very Query
 * the adapter sends for a first page, captured from the adapter itself and replayed straight from
 * the SDK (same client settings) by as many threads as the HTTP run has connections, against the
 * same DynamoDB.
 */
@Command(name = "query-floor", mixinStandardHelpOptions = true,
        description = "Times the raw DynamoDB Query of a listing (--pattern A: messages, B: conversations)."
                + " Prints: FLOOR <pattern> <requests/s> <p50 ms> <p99 ms>")
final class QueryFloor implements Callable<Integer> {
    enum Pattern {
        A,
        B
    }

    @Option(names = "--endpoint", required = true, description = "DynamoDB's address, e.g. http://127.0.0.1:5600")
    URI endpoint;

    @Option(names = "--table", defaultValue = DynamoDbSettings.DEFAULT_TABLE, description = "default: ${DEFAULT-VALUE}")
    String table;

    @Option(names = "--pattern", required = true, description = "A: a group's messages; B: a member's groups")
    Pattern pattern;

    @Option(names = "--groups", required = true, split = ",",
            description = "the groups whose messages (A) or whose members' groups (B) are read, at random")
    List<UUID> groups;

    @Option(names = "--threads", defaultValue = "16", description = "default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--warmup", defaultValue = "PT5S", description = "unmeasured first (ISO-8601), default: ${DEFAULT-VALUE}")
    Duration warmup;

    @Option(names = "--duration", defaultValue = "PT10S", description = "measured (ISO-8601), default: ${DEFAULT-VALUE}")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        DynamoDbSettings settings = DynamoDbSettings.local(endpoint, table);
        List<QueryRequest> queries = captureQueries(settings);
        try (DynamoDbClient dynamo = DynamoDbClients.dynamo(settings)) {
            run(dynamo, queries, warmup, new Latencies());
            Latencies latencies = new Latencies();
            long count = run(dynamo, queries, duration, latencies);
            Histogram measured = latencies.drain();
            System.out.printf("FLOOR %s %.1f %s %s%n", pattern, count / (duration.toNanos() / 1e9),
                    Latencies.millis(measured, 50), Latencies.millis(measured, 99));
        }
        return 0;
    }

    /** One Query per group (A) or per member (B), exactly as the adapter builds it for a first page. */
    private List<QueryRequest> captureQueries(DynamoDbSettings settings) {
        List<QueryRequest> captured = new ArrayList<>();
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof QueryRequest query) {
                    captured.add(query);
                }
            }
        };
        SliceQuery firstPage = SliceQuery.newest(PageLimit.DEFAULT);
        List<QueryRequest> queries = new ArrayList<>();
        try (DynamoDbClient capturing = DynamoDbClients.dynamo(settings, capture)) {
            DynamoDbMessagingPort port = new DynamoDbMessagingPort(capturing, table);
            Set<UserId> members = new LinkedHashSet<>();
            for (UUID group : groups) {
                if (pattern == Pattern.A) {
                    port.messages(new MessageGroupId(group), firstPage);
                    queries.add(only(captured));
                } else {
                    port.rowsOfGroup(new MessageGroupId(group)).stream().map(MessageGroupRow::owner).forEach(members::add);
                }
                captured.clear();
            }
            for (UserId member : members) {
                port.groupRows(member, firstPage);
                queries.add(only(captured));
                captured.clear();
            }
        }
        return queries;
    }

    private static QueryRequest only(List<QueryRequest> captured) {
        if (captured.size() != 1) {
            throw new IllegalStateException("a first page took " + captured.size() + " queries, expected 1");
        }
        return captured.get(0);
    }

    /** Every thread sends queries back to back until the time is up; returns how many completed. */
    private long run(DynamoDbClient dynamo, List<QueryRequest> queries, Duration length, Latencies latencies)
            throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        LongAdder completed = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        QueryRequest query = queries.get(ThreadLocalRandom.current().nextInt(queries.size()));
                        long start = System.nanoTime();
                        dynamo.query(query);
                        latencies.record(System.nanoTime() - start);
                        completed.increment();
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return completed.sum();
    }
}
