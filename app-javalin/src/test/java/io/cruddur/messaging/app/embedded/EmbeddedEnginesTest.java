package io.cruddur.messaging.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.adapters.postgres.PostgresUserDirectory;
import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.app.DemoData;
import io.cruddur.messaging.app.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL admits only the application's role and the superuser, each with its password. */
class EmbeddedEnginesTest {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    @TempDir
    private static Path data;
    private static EmbeddedEngines engines;

    @BeforeAll
    static void start() throws Exception {
        engines = EmbeddedEngines.start(Optional.of(data), Ports.free(), 0);
    }

    @AfterAll
    static void stop() {
        engines.close();
    }

    @Test
    void a_connection_without_a_password_is_refused_even_for_the_superuser() {
        String url = engines.postgresSettings().jdbcUrl();

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void the_application_connects_as_a_role_that_is_no_superuser_and_owns_its_schema() throws SQLException {
        try (Connection app = connect(engines.postgresSettings()); Statement statement = app.createStatement()) {
            assertThat(single(statement, "SELECT current_user")).isEqualTo(PrivatePostgres.APP_ROLE);
            assertThat(single(statement, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
            assertThat(single(statement, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'public'"))
                    .isEqualTo(PrivatePostgres.APP_ROLE);
            assertThatThrownBy(() -> statement.execute("CREATE ROLE intruder SUPERUSER"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be superuser");
        }
    }

    @Test
    void the_passwords_and_the_socket_are_where_only_their_owner_can_look() throws Exception {
        Path passwords = data.resolve("postgres-passwords");
        Path superuserPassword = passwords.resolve("postgres");
        assertThat(Files.getPosixFilePermissions(passwords)).doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
        assertThat(Files.getPosixFilePermissions(superuserPassword)).doesNotContainAnyElementsOf(GROUP_OR_OTHERS);

        try (Connection superuser = DriverManager.getConnection(engines.postgresSettings().jdbcUrl(), "postgres",
                Files.readString(superuserPassword)); Statement statement = superuser.createStatement()) {
            Path socketDirectory = Path.of(single(statement, "SHOW unix_socket_directories"));

            assertThat(Files.getPosixFilePermissions(socketDirectory)).doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
        }
    }

    @Test
    void a_data_directory_a_trusting_version_made_is_secured_on_start_and_keeps_its_users(@TempDir Path old)
            throws Exception {
        int demoUsers;
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder()
                .setDataDirectory(old.resolve("postgres")).setCleanDataDirectory(false).start()) {
            UserDatabase.migrate(trusting.getPostgresDatabase());
            demoUsers = DemoData.seedUsers(DemoData.DEMO_USERS, List.of(),
                    new PostgresUserDirectory(Jdbi.create(trusting.getPostgresDatabase()))::register);
        }

        for (int start = 0; start < 2; start++) {
            try (EmbeddedEngines upgraded = EmbeddedEngines.start(Optional.of(old), Ports.free(), 0);
                    HikariDataSource pool = UserDatabase.pool(upgraded.postgresSettings())) {
                UserDatabase.migrate(pool);
                PostgresUserDirectory directory = new PostgresUserDirectory(Jdbi.create(pool));
                assertThat(DemoData.seedUsers(DemoData.DEMO_USERS, directory.listUsers(), directory::register))
                        .as("start %d adds no user", start).isZero();
                try (Connection app = pool.getConnection(); Statement statement = app.createStatement()) {
                    assertThat(single(statement, "SELECT count(*) FROM users")).isEqualTo(String.valueOf(demoUsers));
                    statement.execute("UPDATE users SET display_name = display_name");
                }
                assertThatThrownBy(() -> DriverManager.getConnection(upgraded.postgresSettings().jdbcUrl(), "postgres",
                        null).close()).isInstanceOf(SQLException.class);
            }
        }
    }

    private static Connection connect(PostgresSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user().orElseThrow(),
                settings.password().orElseThrow());
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).as(query).isTrue();
            return result.getString(1);
        }
    }
}
