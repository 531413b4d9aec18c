package io.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class FailureTest {

    @Test
    void an_unreachable_database_is_directory_unavailable_and_no_sql_leaks() throws IOException {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + nobodyListens + "/cruddur?connectTimeout=2");
        PostgresUserDirectory directory = new PostgresUserDirectory(UserDatabase.jdbi(unreachable));

        assertThatThrownBy(() -> directory.findByHandle(new Handle("bayko")))
                .isInstanceOfSatisfying(MessagingException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.DIRECTORY_UNAVAILABLE);
                    assertThat(refused.getMessage()).doesNotContain("jdbc", "SQL");
                });
    }

    @Test
    void a_password_carried_in_the_urls_query_is_not_shown_either() {
        PostgresSettings jdbc = PostgresSettings.parse(
                "jdbc:postgresql://db:5433/cruddur?user=app&password=s3cret&sslpassword=k3y&ssl=true");
        PostgresSettings libpq = PostgresSettings.parse("postgresql://db/cruddur?Password=s3cret");

        assertThat(jdbc.toString()).doesNotContain("s3cret", "k3y").contains("user=app", "ssl=true");
        assertThat(libpq.toString()).doesNotContain("s3cret");
        assertThat(jdbc.jdbcUrl()).as("the URL the driver gets is unchanged").contains("password=s3cret");
    }

    @Test
    void connection_urls_of_both_styles_are_accepted_and_the_password_is_not_shown() {
        PostgresSettings libpq = PostgresSettings.parse("postgresql://postgres:p%40ss@localhost:5432/cruddur");
        PostgresSettings jdbc = PostgresSettings.parse("jdbc:postgresql://db:5433/cruddur?user=app");

        assertThat(libpq.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/cruddur");
        assertThat(libpq.user()).contains("postgres");
        assertThat(libpq.password()).contains("p@ss");
        assertThat(libpq.toString()).doesNotContain("p@ss");
        assertThat(jdbc.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5433/cruddur?user=app");
        assertThat(PostgresSettings.parse("postgres://u@h/d").jdbcUrl()).isEqualTo("jdbc:postgresql://h/d");
        assertThatThrownBy(() -> PostgresSettings.parse("mysql://h/d")).hasMessageContaining("CONNECTION_URL");
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment(Map.of()))
                .hasMessageContaining("CONNECTION_URL");
    }
}
