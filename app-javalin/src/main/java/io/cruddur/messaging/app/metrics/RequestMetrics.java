package io.cruddur.messaging.app.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * What each HTTP route costs downstream: DynamoDB requests by operation and PostgreSQL statements,
 * counted against the route whose handler made them, next to the route's own request count, so
 * that a difference of two scrapes gives the cost per request. Work outside any request, such as
 * the stream poller's, counts under route {@value #NO_ROUTE}. Rendered in Prometheus' text format.
 *
 * <p>A request runs on one thread from its before-handler to its after-handler, so the thread
 * carries the request's tally; the tally is added to the counters once, when the request ends.
 */
public final class RequestMetrics {
    /** The route label of work done outside any HTTP request. */
    public static final String NO_ROUTE = "none";
    /** The route label of requests that matched no endpoint (static files, 404s). */
    public static final String UNMATCHED = "unmatched";
    static final String HTTP_REQUESTS = "cruddur.http.requests";
    static final String DYNAMODB_REQUESTS = "cruddur.dynamodb.requests";
    static final String POSTGRES_STATEMENTS = "cruddur.postgres.statements";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ThreadLocal<Tally> current = new ThreadLocal<>();

    /** Starts counting for the request on this thread. */
    public void requestStarted() {
        current.set(new Tally());
    }

    /** Adds the finished request, and what it cost, to the counters of {@code route}. */
    public void requestFinished(String method, String route, int status) {
        Tally tally = current.get();
        current.remove();
        Tags routeTags = Tags.of("method", method, "route", route);
        registry.counter(HTTP_REQUESTS, routeTags.and("status", Integer.toString(status))).increment();
        registry.counter(POSTGRES_STATEMENTS, routeTags).increment(tally == null ? 0 : tally.statements);
        if (tally != null) {
            tally.dynamoRequests.forEach((operation, count) ->
                    registry.counter(DYNAMODB_REQUESTS, routeTags.and("operation", operation)).increment(count));
        }
    }

    /** Counts each DynamoDB API call (not each retry attempt) made through a client it is installed in. */
    public ExecutionInterceptor dynamoDbCounter() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                Tally tally = current.get();
                if (tally == null) {
                    registry.counter(DYNAMODB_REQUESTS, "method", NO_ROUTE, "route", NO_ROUTE, "operation", operation)
                            .increment();
                } else {
                    tally.dynamoRequests.merge(operation, 1, Integer::sum);
                }
            }
        };
    }

    /** Counts each SQL statement run through a {@code Jdbi} it is installed in. */
    public SqlLogger postgresCounter() {
        return new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                Tally tally = current.get();
                if (tally == null) {
                    registry.counter(POSTGRES_STATEMENTS, "method", NO_ROUTE, "route", NO_ROUTE).increment();
                } else {
                    tally.statements++;
                }
            }
        };
    }

    /** Every counter, in Prometheus' text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    /** What one request has cost so far; touched only by the thread serving it. */
    private static final class Tally {
        private final Map<String, Integer> dynamoRequests = new HashMap<>();
        private int statements;
    }
}
