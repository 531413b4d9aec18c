package io.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.UserChanges;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes to the users table, however made, heard by every listening host. */
class PostgresUserChangesTest {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String EVERY_USER = "every user";

    private final DataSource database = TestDatabases.migrated();
    private final PostgresUserChanges changes = new PostgresUserChanges(database);
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @BeforeEach
    void listen() throws Exception {
        changes.subscribe(new UserChanges.Listener() {
            @Override
            public void changed(UserId user) {
                heard.add(user.value().toString());
            }

            @Override
            public void anyMayHaveChanged() {
                heard.add(EVERY_USER);
            }
        });
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!changes.listening()) {
            assertThat(System.nanoTime()).as("listening within %s", BOUND).isLessThan(deadline);
            Thread.sleep(20);
        }
        heard.clear();
    }

    @AfterEach
    void close() {
        changes.close();
    }

    @Test
    void a_user_updated_or_deleted_by_hand_is_told_by_uuid() throws Exception {
        UUID renamed = insert("renamed");
        UUID removed = insert("removed");
        insert("untouched");

        sql("UPDATE users SET display_name = 'New Name' WHERE uuid = '" + renamed + "'");
        sql("DELETE FROM users WHERE uuid = '" + removed + "'");

        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(renamed.toString());
        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(removed.toString());
        assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).as("inserts tell nothing").isNull();
    }

    @Test
    void a_block_made_or_lifted_by_hand_tells_that_the_blocker_changed() throws Exception {
        UUID blocker = insert("blocker");
        UUID blocked = insert("blocked");

        sql("INSERT INTO blocks (blocker, blocked) VALUES ('" + blocker + "', '" + blocked + "')");
        sql("DELETE FROM blocks WHERE blocker = '" + blocker + "'");

        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(blocker.toString());
        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(blocker.toString());
        assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).as("the blocked user did not change").isNull();
    }

    @Test
    void an_emptied_table_tells_that_every_user_changed() throws Exception {
        insert("anyone");

        sql("TRUNCATE users CASCADE");

        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(EVERY_USER);
    }

    @Test
    void after_its_connection_was_cut_it_listens_again_and_says_changes_may_have_gone_unheard() throws Exception {
        sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "
                + PostgresUserChanges.CHANNEL + "' AND datname = current_database()");

        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(EVERY_USER);
        UUID later = insert("later");
        sql("DELETE FROM users WHERE uuid = '" + later + "'");
        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(later.toString());
    }

    @Test
    void a_notification_that_names_no_user_is_passed_over() throws Exception {
        sql("NOTIFY " + PostgresUserChanges.CHANNEL + ", 'not-a-uuid'");
        UUID removed = insert("removed");
        sql("DELETE FROM users WHERE uuid = '" + removed + "'");

        assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(removed.toString());
    }

    private UUID insert(String handle) throws SQLException {
        try (Connection connection = database.getConnection(); Statement insert = connection.createStatement();
                ResultSet row = insert.executeQuery("INSERT INTO users (handle, display_name, email) VALUES ('" + handle
                        + "', '" + handle + "', '" + handle + "@example.org') RETURNING uuid")) {
            row.next();
            return row.getObject(1, UUID.class);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = database.getConnection(); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
