package io.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void an_empty_database_migrates_to_the_users_and_blocks_tables_and_their_triggers_and_a_second_run_does_nothing() {
        DataSource empty = TestDatabases.empty();

        int first = UserDatabase.migrate(empty);
        int second = UserDatabase.migrate(empty);

        assertThat(first).as("the users table, the triggers that tell of changed users, the blocks").isEqualTo(3);
        assertThat(second).isZero();
        Jdbi jdbi = UserDatabase.jdbi(empty);
        List<Map<String, Object>> columns = jdbi.withHandle(database -> database.createQuery(
                "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND table_name = 'users' ORDER BY ordinal_position")
                .mapToMap().list());
        assertThat(columns).extracting(column -> column.get("column_name"))
                .containsExactly("uuid", "display_name", "handle", "email", "cognito_user_id", "created_at");
        assertThat(columns).filteredOn(column -> "cognito_user_id".equals(column.get("column_name")))
                .singleElement().satisfies(column -> assertThat(column).containsEntry("is_nullable", "YES"));
        List<String> indexes = jdbi.withHandle(database -> database.createQuery(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'users'").mapTo(String.class).list());
        assertThat(indexes).anySatisfy(index -> assertThat(index).contains("UNIQUE", "lower(handle)"))
                .anySatisfy(index -> assertThat(index).contains("UNIQUE", "(cognito_user_id)"));
        List<String> triggers = jdbi.withHandle(database -> database.createQuery(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'users'::regclass AND NOT tgisinternal ORDER BY tgname")
                .mapTo(String.class).list());
        assertThat(triggers).containsExactly("users_changed", "users_emptied");
        List<String> blockTriggers = jdbi.withHandle(database -> database.createQuery(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'blocks'::regclass AND NOT tgisinternal ORDER BY tgname")
                .mapTo(String.class).list());
        assertThat(blockTriggers).containsExactly("blocks_changed", "blocks_emptied");
    }
}
