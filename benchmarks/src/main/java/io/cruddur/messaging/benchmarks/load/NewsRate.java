package io.cruddur.messaging.benchmarks.load;

import com.zaxxer.hikari.HikariDataSource;
import io.cruddur.messaging.adapters.postgres.PostgresNewsBus;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.port.MessageNews;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How much news PostgreSQL's {@code LISTEN}/{@code NOTIFY} carries between hosts: one publishing
 * bus sends as fast as it can while several listening buses (standing for hosts) receive, on one
 * PostgreSQL.
 */
@Command(name = "news-rate", mixinStandardHelpOptions = true,
        description = "News through PostgreSQL NOTIFY. Prints: NEWS <pieces> <listeners> <published/s> <received/s per listener>")
final class NewsRate implements Callable<Integer> {
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    @Option(names = "--connection-url", required = true, description = "the PostgreSQL, as CONNECTION_URL says it")
    String connectionUrl;

    @Option(names = "--count", defaultValue = "20000", description = "pieces of news (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--listeners", defaultValue = "3", description = "listening hosts (default: ${DEFAULT-VALUE})")
    int listeners;

    @Override
    public Integer call() throws Exception {
        PostgresSettings settings = PostgresSettings.parse(connectionUrl);
        try (HikariDataSource pool = UserDatabase.pool(settings)) {
            List<PostgresNewsBus> hosts = new ArrayList<>();
            List<AtomicLong> received = new ArrayList<>();
            for (int i = 0; i < listeners; i++) {
                PostgresNewsBus host = PostgresNewsBus.on(settings, pool);
                AtomicLong heard = new AtomicLong();
                host.subscribe(news -> heard.incrementAndGet());
                hosts.add(host);
                received.add(heard);
            }
            while (!hosts.stream().allMatch(PostgresNewsBus::listening)) {
                Thread.sleep(20);
            }
            try (PostgresNewsBus publisher = PostgresNewsBus.publishingOnly(pool)) {
                long started = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    publisher.publish(new MessageNews(new MessageGroupId(UUID.randomUUID()),
                            new MessageId(UUID.randomUUID()), Instant.now()));
                }
                publisher.flush(GIVE_UP);
                double published = (System.nanoTime() - started) / 1e9;
                long deadline = System.nanoTime() + GIVE_UP.toNanos();
                while (received.stream().anyMatch(heard -> heard.get() < count) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                double all = (System.nanoTime() - started) / 1e9;
                long least = received.stream().mapToLong(AtomicLong::get).min().orElse(0);
                System.out.printf("NEWS %d %d %.0f %.0f%n", least, listeners, count / published, least / all);
            }
            hosts.forEach(PostgresNewsBus::close);
        }
        return 0;
    }
}
