package io.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.GroupNews;
import io.cruddur.messaging.core.port.MembersNews;
import io.cruddur.messaging.core.port.MessageNews;
import io.cruddur.messaging.core.port.ReadNews;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** News between hosts over a real PostgreSQL's LISTEN/NOTIFY: two buses on one database stand for two hosts. */
class PostgresNewsBusTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final DataSource database = TestDatabases.empty();
    private final PostgresNewsBus hostA = new PostgresNewsBus(database, database);
    private final PostgresNewsBus hostB = new PostgresNewsBus(database, database);

    @AfterEach
    void close() {
        hostA.close();
        hostB.close();
    }

    @Test
    void news_published_on_one_host_reaches_every_host_the_publisher_included() throws Exception {
        BlockingQueue<GroupNews> heardOnA = subscribe(hostA);
        BlockingQueue<GroupNews> heardOnB = subscribe(hostB);
        awaitListening();
        MessageNews news = news();

        hostA.publish(news);

        assertThat(heardOnB.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(news);
        assertThat(heardOnA.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(news);
    }

    @Test
    void a_notification_is_small_and_read_back_as_published() {
        MessageNews news = news();
        MembersNews members = new MembersNews(new MessageGroupId(UUID.randomUUID()));

        assertThat(PostgresNewsBus.payload(news)).hasSizeLessThan(120);
        assertThat(PostgresNewsBus.parse(PostgresNewsBus.payload(news))).isEqualTo(news);
        assertThat(PostgresNewsBus.parse(PostgresNewsBus.payload(members))).isEqualTo(members);
        ReadNews read = new ReadNews(news.group(), new UserId(UUID.randomUUID()), news.createdAt());
        assertThat(PostgresNewsBus.payload(read)).hasSizeLessThan(120);
        assertThat(PostgresNewsBus.parse(PostgresNewsBus.payload(read))).isEqualTo(read);
        assertThat(PostgresNewsBus.parse("v1 read " + news.group() + " not-a-uuid " + news.createdAt())).isNull();
        for (MessageNews.Kind kind : MessageNews.Kind.values()) {
            MessageNews revised = new MessageNews(news.group(), news.message(), news.createdAt(), kind);
            assertThat(PostgresNewsBus.parse(PostgresNewsBus.payload(revised))).isEqualTo(revised);
        }
        assertThat(PostgresNewsBus.payload(news)).as("news of a new message reads as it always did").hasSize(
                String.join(" ", "v1", news.group().toString(), news.message().toString(), news.createdAt().toString())
                        .length());
        assertThat(PostgresNewsBus.parse(PostgresNewsBus.payload(news) + " renamed")).isNull();
        assertThat(PostgresNewsBus.parse("v1 members not-a-uuid")).isNull();
    }

    @Test
    void news_of_changed_members_reaches_the_other_host() throws Exception {
        BlockingQueue<GroupNews> heardOnB = subscribe(hostB);
        awaitListening();
        MembersNews changed = new MembersNews(new MessageGroupId(UUID.randomUUID()));

        hostA.publish(changed);

        assertThat(heardOnB.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(changed);
    }

    @Test
    void a_host_whose_listening_connection_was_cut_listens_again_and_hears_later_news() throws Exception {
        BlockingQueue<GroupNews> heard = subscribe(hostB);
        awaitListening();
        try (Connection admin = database.getConnection(); Statement kill = admin.createStatement()) {
            kill.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'");
        }
        eventually(() -> !hostB.listening());
        awaitListening();
        MessageNews later = news();

        hostA.publish(later);

        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(later);
    }

    @Test
    void a_notification_that_is_not_news_is_passed_over() throws Exception {
        BlockingQueue<GroupNews> heard = subscribe(hostB);
        awaitListening();
        try (Connection other = database.getConnection(); Statement notify = other.createStatement()) {
            notify.execute("NOTIFY " + PostgresNewsBus.CHANNEL + ", 'v1 not-a-uuid'");
            notify.execute("NOTIFY " + PostgresNewsBus.CHANNEL + ", 'something else entirely'");
        }
        MessageNews real = news();

        hostA.publish(real);

        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(real);
        assertThat(heard).isEmpty();
    }

    @Test
    void publishing_returns_at_once_while_the_database_is_unreachable() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:9/none?connectTimeout=1");
        try (PostgresNewsBus cutOff = new PostgresNewsBus(nowhere, nowhere)) {
            long started = System.nanoTime();
            IntStream.range(0, 100).forEach(i -> cutOff.publish(news()));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(cutOff.listening()).isFalse();
        }
    }

    @Test
    void a_flush_returns_once_everything_published_was_sent() throws Exception {
        BlockingQueue<GroupNews> heard = subscribe(hostB);
        awaitListening();
        try (PostgresNewsBus function = PostgresNewsBus.publishingOnly(database)) {
            IntStream.range(0, 20).forEach(i -> function.publish(news()));

            assertThat(function.flush(BOUND)).isTrue();
            assertThat(function.listening()).isFalse();
        }
        for (int i = 0; i < 20; i++) {
            assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void a_flush_gives_up_at_its_timeout_while_the_database_does_not_answer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            PGSimpleDataSource stalled = new PGSimpleDataSource();
            stalled.setUrl("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/none");
            stalled.setLoginTimeout(2);
            try (PostgresNewsBus cutOff = PostgresNewsBus.publishingOnly(stalled)) {
                cutOff.publish(news());

                assertThat(cutOff.flush(Duration.ofMillis(200))).isFalse();
            }
        }
    }

    @Test
    void a_closed_subscription_hears_no_more() throws Exception {
        BlockingQueue<GroupNews> stillSubscribed = subscribe(hostB);
        BlockingQueue<GroupNews> unsubscribed = new LinkedBlockingQueue<>();
        hostB.subscribe(unsubscribed::add).close();
        awaitListening();

        hostA.publish(news());

        assertThat(stillSubscribed.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isNotNull();
        assertThat(unsubscribed).isEmpty();
    }

    private static BlockingQueue<GroupNews> subscribe(PostgresNewsBus bus) {
        BlockingQueue<GroupNews> heard = new LinkedBlockingQueue<>();
        bus.subscribe(heard::add);
        return heard;
    }

    private void awaitListening() throws InterruptedException {
        eventually(() -> hostA.listening() && hostB.listening());
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within %s", BOUND).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static MessageNews news() {
        return new MessageNews(new MessageGroupId(UUID.randomUUID()), new MessageId(UUID.randomUUID()),
                Instant.parse("2026-03-01T09:15:02.123456Z"));
    }
}
