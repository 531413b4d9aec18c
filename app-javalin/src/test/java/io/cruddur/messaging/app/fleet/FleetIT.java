package io.cruddur.messaging.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbMessagingPort;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.app.ApiClient;
import io.cruddur.messaging.app.CognitoLocal;
import io.cruddur.messaging.app.EngineExports;
import io.cruddur.messaging.app.EventStreamReader;
import io.cruddur.messaging.app.Ports;
import io.cruddur.messaging.app.cli.CruddurCommand;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A fleet on one machine, every part a process of its own as in production: the engines
 * (the DynamoDB engine and PostgreSQL), cognito-local as the issuer, and three {@code aws}-mode hosts,
 * each a stream worker, sharing one cursor secret.
 */
class FleetIT {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final String TABLE = "fleet-messages";
    private static final int HOSTS = 3;

    private static JarProcess engines;
    private static CognitoLocal cognito;
    private static CognitoLocal.Pool pool;
    private static Map<String, String> environment;
    private static final List<Host> hosts = new ArrayList<>();

    /** One host of the fleet: its stream worker id, its port, and its process while it runs. */
    private static final class Host {
        private final String workerId;
        private final int port;
        private JarProcess process;

        Host(String workerId, int port) {
            this.workerId = workerId;
            this.port = port;
        }

        void start() throws InterruptedException {
            Map<String, String> own = new HashMap<>(environment);
            own.put("STREAM_WORKER_ID", workerId);
            process = JarProcess.start(workerId, own, "serve", "--mode", "aws", "--port", Integer.toString(port),
                    "--stream-worker");
            process.awaitLine(line -> line.contains("listening on"), BOUND);
        }

        void stop() throws InterruptedException {
            process.stop();
            process = null;
        }

        ApiClient api() {
            return new ApiClient(port);
        }

        URI events() {
            return api().uri("/api/events");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        engines = JarProcess.start("engines", Map.of(), "engines", "--throwaway",
                "--dynamodb-port", Integer.toString(Ports.free()), "--postgres-port", Integer.toString(Ports.free()));
        engines.awaitLine(line -> line.startsWith("export CONNECTION_URL="), BOUND);
        cognito = CognitoLocal.start(Ports.free());
        pool = cognito.createPool("fleet");
        for (String handle : List.of("andrewbrown", "bayko", "londo")) {
            cognito.createUser(pool, handle);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> variables = new HashMap<>(EngineExports.parse(
                engines.lines().stream().filter(line -> line.startsWith("export ")).toList()));
        variables.putAll(pool.environment(cognito.endpoint()));
        variables.put("DDB_MESSAGE_TABLE", TABLE);
        variables.put("CURSOR_SECRET", Base64.getEncoder().encodeToString(secret));
        variables.put("STREAM_WORKER_FAILOVER_MS", "2000");
        variables.put("STREAM_WORKER_IDLE_MS", "50");
        environment = Map.copyOf(variables);
        for (String[] command : new String[][] {{"ddb", "schema-load"}, {"db", "setup"}, {"db", "update-cognito-user-ids"}}) {
            assertThat(CruddurCommand.commandLine(environment).execute(command)).as(String.join(" ", command)).isZero();
        }
        for (int i = 1; i <= HOSTS; i++) {
            hosts.add(new Host("host-" + i, Ports.free()));
        }
        for (Host host : hosts) {
            host.start();
        }
    }

    @AfterAll
    static void stop() {
        hosts.stream().filter(host -> host.process != null).forEach(host -> host.process.close());
        if (cognito != null) {
            cognito.close();
        }
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void news_crosses_hosts_rows_follow_cursors_travel_and_the_stream_survives_its_reader() throws Exception {
        String andrew = cognito.accessToken(pool, "andrewbrown");
        String bayko = cognito.accessToken(pool, "bayko");
        Host first = hosts.get(0);
        JsonNode andrewsProfile = first.api().get("/api/users/@andrewbrown/short", null).body();

        // A message sent through one host reaches event streams open on the two others.
        String group;
        try (EventStreamReader onSecond = EventStreamReader.open(hosts.get(1).events(), bayko, BOUND);
             EventStreamReader onThird = EventStreamReader.open(hosts.get(2).events(), bayko, BOUND)) {
            group = first.api().post("/api/messages", andrew, "{\"message\":\"hello fleet\",\"handle\":\"bayko\"}")
                    .body().get("message_group_uuid").asText();
            send(first, andrew, group, "across hosts");

            assertThat(awaitEvent(onSecond, "across hosts")).contains(group);
            assertThat(awaitEvent(onThird, "across hosts")).contains(group);
        }
        // Group rows end right, both members', whichever host is asked.
        for (Host host : hosts) {
            eventually(() -> lastMessage(host, bayko).equals("across hosts"));
            eventually(() -> lastMessage(host, andrew).equals("across hosts"));
        }
        // A cursor from one host works on another (one CURSOR_SECRET).
        String older = first.api().get("/api/messages/" + group + "?limit=1", andrew).link("next");
        ApiClient.Reply page = hosts.get(1).api().get(older, andrew);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get(0).get("message").asText()).isEqualTo("hello fleet");

        // Stopping the host that holds the stream lets another resume pattern E.
        Host holder = hostHoldingTheStream();
        holder.stop();
        List<Host> others = hosts.stream().filter(host -> host != holder).toList();
        try (EventStreamReader listening = EventStreamReader.open(others.get(1).events(), bayko, BOUND)) {
            send(others.get(0), andrew, group, "after the holder stopped");

            assertThat(awaitEvent(listening, "after the holder stopped")).contains(group);
        }
        eventually(() -> lastMessage(others.get(1), bayko).equals("after the holder stopped"));

        // A restart resumes from the checkpoint: what came while no worker ran arrives, nothing older again.
        for (Host other : others) {
            other.stop();
        }
        String whileDown = storeDirectly(group, andrewsProfile, "written while the fleet was down");
        holder.start();
        try (EventStreamReader restarted = EventStreamReader.open(holder.events(), bayko, BOUND)) {
            // A replay would announce the older messages before this one, on the same shard, in one batch.
            List<String> heard = eventsUntil(restarted, whileDown);
            assertThat(heard.get(heard.size() - 1)).contains(group);
            eventually(() -> lastMessage(holder, bayko).equals(whileDown));
            heard.addAll(drain(restarted, Duration.ofSeconds(3)));
            assertThat(heard).as("no older message announced again")
                    .noneMatch(event -> event.contains("across hosts") || event.contains("after the holder stopped")
                            || event.contains("hello fleet"));
        }
    }

    private static void send(Host host, String token, String group, String text) {
        assertThat(host.api().post("/api/messages", token,
                "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\"}").status()).isEqualTo(200);
    }

    /** Waits for the stream's event about {@code text}, passing over events about earlier messages. */
    private static String awaitEvent(EventStreamReader stream, String text) throws InterruptedException {
        List<String> heard = eventsUntil(stream, text);
        return heard.get(heard.size() - 1);
    }

    /** Every event the stream gives until the one about {@code text}, which comes last. */
    private static List<String> eventsUntil(EventStreamReader stream, String text) throws InterruptedException {
        List<String> heard = new ArrayList<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            String event = stream.poll(Duration.ofSeconds(1));
            if (event != null) {
                heard.add(event);
                if (event.contains("event: message") && event.contains("\"" + text + "\"")) {
                    return heard;
                }
            }
        }
        throw new AssertionError("no event for '" + text + "' within " + BOUND + "; heard " + heard);
    }

    private static List<String> drain(EventStreamReader stream, Duration quiet) throws InterruptedException {
        List<String> events = new ArrayList<>();
        for (String event = stream.poll(quiet); event != null; event = stream.poll(quiet)) {
            events.add(event);
        }
        return events;
    }

    private static String lastMessage(Host host, String token) {
        JsonNode rows = host.api().get("/api/message_groups", token).body();
        return rows.size() == 0 ? "" : rows.get(0).get("message").asText();
    }

    /** The host whose stream worker holds the lease of the table's shard, from the KCL's lease table. */
    private static Host hostHoldingTheStream() {
        try (DynamoDbClient dynamo = DynamoDbClients.dynamo(settings())) {
            List<String> owners = dynamo.scan(request -> request.tableName(TABLE + "-stream-workers")).items().stream()
                    .map(lease -> lease.getOrDefault("leaseOwner", AttributeValue.fromS("")).s())
                    .filter(owner -> !owner.isEmpty())
                    .toList();
            assertThat(owners).as("one shard, leased to one worker").hasSize(1);
            return hosts.stream().filter(host -> host.workerId.equals(owners.get(0))).findFirst().orElseThrow();
        }
    }

    /** Stores a message as another service sharing the table would: straight into DynamoDB. */
    private static String storeDirectly(String group, JsonNode senderProfile, String text) {
        User sender = new User(new UserId(UUID.fromString(senderProfile.get("uuid").asText())),
                new Handle(senderProfile.get("handle").asText()), senderProfile.get("display_name").asText());
        try (DynamoDbClient dynamo = DynamoDbClients.dynamo(settings())) {
            new DynamoDbMessagingPort(dynamo, TABLE).appendMessage(new Message(new MessageId(UUID.randomUUID()),
                    new MessageGroupId(UUID.fromString(group)), sender, new MessageText(text), Instant.now()));
        }
        return text;
    }

    private static DynamoDbSettings settings() {
        return DynamoDbSettings.fromEnvironment(environment);
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s", BOUND).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
