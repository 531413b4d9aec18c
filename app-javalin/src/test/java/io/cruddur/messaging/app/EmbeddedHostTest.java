package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.app.config.HostConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default deployment end to end: the DynamoDB engine and PostgreSQL in the process, the stream
 * poller driving pattern E, and a restart on the same data directory that loses nothing.
 */
class EmbeddedHostTest {
    private static final Duration PATTERN_E_BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dataDirectory;

    @Test
    void a_conversation_survives_a_restart_and_pattern_e_reaches_the_other_member() throws Exception {
        String group;
        List<String> before;
        try (Deployment host = start()) {
            ApiClient api = new ApiClient(host.port());
            String bayko = api.login("bayko");
            String londo = api.login("londo");

            group = api.post("/api/messages", bayko, "{\"message\":\"first\",\"handle\":\"@londo\"}")
                    .body().get("message_group_uuid").asText();
            for (int i = 1; i <= 3; i++) {
                ApiClient.Reply sent = api.post("/api/messages", i % 2 == 0 ? bayko : londo,
                        "{\"message\":\"reply " + i + "\",\"message_group_uuid\":\"" + group + "\"}");
                assertThat(sent.status()).isEqualTo(200);
            }

            eventually(() -> {
                JsonNode londosGroups = api.get("/api/message_groups", londo).body();
                return londosGroups.size() == 1 && "reply 3".equals(londosGroups.get(0).get("message").asText());
            });
            before = texts(api.get("/api/messages/" + group, bayko).body());
            assertThat(before).containsExactly("first", "reply 1", "reply 2", "reply 3");
            assertThat(api.get("/api/message_groups", bayko).body().get(0).get("message").asText()).isEqualTo("reply 3");
        }

        try (Deployment restarted = start()) {
            ApiClient api = new ApiClient(restarted.port());
            String bayko = api.login("bayko");

            assertThat(texts(api.get("/api/messages/" + group, bayko).body())).isEqualTo(before);
            JsonNode groups = api.get("/api/message_groups", bayko).body();
            assertThat(groups).anySatisfy(row -> {
                assertThat(row.get("uuid").asText()).isEqualTo(group);
                assertThat(row.get("message").asText()).isEqualTo("reply 3");
            });
            assertThat(api.get("/api/message_groups", api.login("andrewbrown")).body())
                    .as("the demo conversation is seeded once, not again on restart").hasSize(1);
        }
        assertThat(Files.list(dataDirectory).map(path -> path.getFileName().toString()))
                .contains("dynamodb", "postgres");
    }

    @Test
    void a_user_deleted_from_the_database_by_hand_is_refused_at_once_not_at_the_caches_expiry() throws Exception {
        try (Deployment host = start()) {
            ApiClient api = new ApiClient(host.port());
            String londo = api.login("londo");
            assertThat(api.get("/api/message_groups", londo).status()).isEqualTo(200);
            PostgresSettings database = PostgresSettings.fromEnvironment(EngineExports.parse(host.engineExports()));

            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user().orElse(null),
                    database.password().orElse(null)); Statement delete = connection.createStatement()) {
                delete.execute("DELETE FROM users WHERE handle = 'londo'");
            }

            eventually(() -> api.get("/api/message_groups", londo).status() == 401);
            assertThat(api.get("/api/message_groups", londo).body().get(0).asText()).isEqualTo("user_unknown");
        }
    }

    private Deployment start() throws IOException {
        return Deployment.embedded(HostConfig.from(HostConfig.Mode.EMBEDDED, 0, Map.of()),
                Optional.of(dataDirectory), Ports.free(), 0, "cruddur-messages");
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> texts.add(message.get("message").asText()));
        return texts;
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATTERN_E_BOUND);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("within %s", PATTERN_E_BOUND).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
