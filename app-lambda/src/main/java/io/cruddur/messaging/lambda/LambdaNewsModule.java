package io.cruddur.messaging.lambda;

import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.adapters.postgres.PostgresNewsBus;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.core.cache.CacheSettings;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.usecase.NewsPublisher;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The function's use case and its publishing-only news bus, which never listens. */
@Module
abstract class LambdaNewsModule {
    /** One connection is all a function publishing news after each batch needs. */
    private static final int NEWS_POOL_SIZE = 1;

    private LambdaNewsModule() {
    }

    @Provides
    @Singleton
    static Optional<PostgresNewsBus> news(Optional<PostgresSettings> newsDatabase) {
        return newsDatabase.map(settings ->
                PostgresNewsBus.publishingOnly(UserDatabase.pool(settings.withMaxPoolSize(NEWS_POOL_SIZE))));
    }

    @Provides
    @Singleton
    static RefreshMessageGroups refresh(MessagingPort messages, Optional<PostgresNewsBus> news) {
        NewsBus bus = news.<NewsBus>map(postgres -> postgres).orElse(NewsBus.none());
        return new RefreshMessageGroups(messages, new NewsPublisher(bus), CacheSettings.DEFAULT,
                RefreshMessageGroups.DEFAULT_CONCURRENCY);
    }
}
