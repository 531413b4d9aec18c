package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.app.cli.CruddurCommand;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.embedded.EmbeddedEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code aws} mode against a local stand-in for every AWS part: the project's DynamoDB engine for DynamoDB,
 * a PostgreSQL for RDS, cognito-local for Cognito, set up with the operator commands as an
 * operator would; the host is the fleet's one stream worker.
 */
class AwsModeTest {
    /** A host that is the first stream worker of a fleet waits for the KCL to give it the lease. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static EmbeddedEngines engines;
    private static CognitoLocal cognito;
    private static CognitoLocal.Pool pool;
    private static Map<String, String> environment;
    private static Deployment host;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        engines = EmbeddedEngines.start(Optional.empty(), Ports.free(), 0);
        cognito = CognitoLocal.start(Ports.free());
        pool = cognito.createPool("aws-mode");
        cognito.createUser(pool, "andrewbrown");
        cognito.createUser(pool, "bayko");
        Map<String, String> variables = new HashMap<>(pool.environment(cognito.endpoint()));
        variables.putAll(EngineExports.parse(engines.exports()));
        variables.put("DDB_MESSAGE_TABLE", "aws-messages");
        variables.put("STREAM_WORKER_FAILOVER_MS", "2000");
        variables.put("STREAM_WORKER_IDLE_MS", "50");
        environment = Map.copyOf(variables);
        for (String[] command : new String[][] {{"ddb", "schema-load"}, {"db", "setup"}, {"db", "update-cognito-user-ids"}}) {
            assertThat(CruddurCommand.commandLine(environment).execute(command)).as(String.join(" ", command)).isZero();
        }
        host = Deployment.aws(HostConfig.from(HostConfig.Mode.AWS, 0, environment), environment, true);
        api = new ApiClient(host.port());
    }

    @AfterAll
    static void stop() {
        host.close();
        cognito.close();
        engines.close();
    }

    @Test
    void tokens_from_the_stand_in_pool_are_accepted_and_rows_and_live_events_follow_the_stream() throws Exception {
        String andrew = cognito.accessToken(pool, "andrewbrown");
        String bayko = cognito.accessToken(pool, "bayko");

        ApiClient.Reply started = api.post("/api/messages", andrew, "{\"message\":\"hello\",\"handle\":\"bayko\"}");
        assertThat(started.status()).isEqualTo(200);
        String group = started.body().get("message_group_uuid").asText();
        try (EventStreamReader events = EventStreamReader.open(api.uri("/api/events"), andrew, BOUND)) {
            assertThat(api.post("/api/messages", bayko,
                    "{\"message\":\"hi from aws mode\",\"message_group_uuid\":\"" + group + "\"}").status())
                    .isEqualTo(200);

            String event = events.next(BOUND);
            while (!event.contains("hi from aws mode")) {
                event = events.next(BOUND);
            }
            assertThat(event).contains("event: message", group);
        }

        eventually(() -> {
            JsonNode rows = api.get("/api/message_groups", andrew).body();
            return rows.size() == 1 && "hi from aws mode".equals(rows.get(0).get("message").asText());
        });
    }

    @Test
    void a_token_of_another_pool_and_the_dev_login_are_refused() {
        CognitoLocal.Pool other = cognito.createPool("other");
        cognito.createUser(other, "andrewbrown");

        ApiClient.Reply refused = api.get("/api/message_groups", cognito.accessToken(other, "andrewbrown"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get(0).asText()).isEqualTo("token_invalid");
        assertThat(api.post("/dev/login", null, "{\"handle\":\"andrewbrown\"}").status()).isEqualTo(404);
    }

    @Test
    void a_host_started_without_the_stream_worker_flag_reads_no_stream() {
        Map<String, String> quiet = new HashMap<>(environment);
        quiet.put("DDB_MESSAGE_TABLE", "aws-quiet-messages");
        assertThat(CruddurCommand.commandLine(quiet).execute("ddb", "schema-load")).isZero();

        try (Deployment serving = Deployment.aws(HostConfig.from(HostConfig.Mode.AWS, 0, quiet), quiet, false)) {
            ApiClient.Reply started = new ApiClient(serving.port()).post("/api/messages",
                    cognito.accessToken(pool, "andrewbrown"), "{\"message\":\"hello\",\"handle\":\"bayko\"}");
            assertThat(started.status()).isEqualTo(200);
        }

        // The KCL makes its lease table before it reads a record: the worker host has one, the other none.
        try (DynamoDbClient dynamo = DynamoDbClients.dynamo(DynamoDbSettings.fromEnvironment(environment))) {
            assertThat(dynamo.listTables().tableNames())
                    .contains("aws-messages-stream-workers")
                    .doesNotContain("aws-quiet-messages-stream-workers");
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(BOUND);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("within %s", BOUND).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
