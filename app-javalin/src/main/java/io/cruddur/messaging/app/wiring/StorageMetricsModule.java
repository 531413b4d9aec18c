package io.cruddur.messaging.app.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.cruddur.messaging.app.metrics.RequestMetrics;
import org.jdbi.v3.core.statement.SqlLogger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts the table deployments' DynamoDB requests and PostgreSQL statements per HTTP route. */
@Module
final class StorageMetricsModule {
    private StorageMetricsModule() {
    }

    @Provides
    @IntoSet
    static ExecutionInterceptor dynamoDbCounter(RequestMetrics metrics) {
        return metrics.dynamoDbCounter();
    }

    @Provides
    static SqlLogger postgresCounter(RequestMetrics metrics) {
        return metrics.postgresCounter();
    }
}
