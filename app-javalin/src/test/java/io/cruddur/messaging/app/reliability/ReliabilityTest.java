package io.cruddur.messaging.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.app.ApiClient;
import io.cruddur.messaging.app.Deployment;
import io.cruddur.messaging.app.Ports;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.config.RateLimits;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A randomized concurrent workload against the embedded host over HTTP, with faults: concurrent
 * senders over many users, conversations started from both sides at once, every fifth send
 * retried with the same client message id, the stream poller stopped and restarted, and the
 * host restarted on its data directory. Then a checker reads everything back through the API and
 * a scan of the table. CI runs about 1,000 messages; {@code -Dreliability.messages=10000} runs a
 * full-size one.
 */
@Tag("reliability")
class ReliabilityTest {
    private static final int MESSAGES = Integer.getInteger("reliability.messages", 1000);
    private static final int SENDERS = 8;
    private static final int USERS = 20;
    private static final long SEED = Long.getLong("reliability.seed", 20261122L);
    /**
     * How long pattern E may take to catch up after the last send: the restarted poller reads the
     * stream from its oldest record, so the bound grows with the run.
     */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(60).plusMillis(15L * MESSAGES);
    private static final String TABLE = "cruddur-messages";
    private static final List<String> DEMO_HANDLES = List.of("andrewbrown", "bayko", "londo", "altair", "sinclair");
    private static final String DEMO_PAIR = "andrewbrown|bayko";
    private static final int DEMO_MESSAGES = 30;
    /** About one send in this many is followed by its recipient marking everything read, as many again up to it. */
    private static final int READS_ONE_IN = 8;
    /** About one send in this many is edited by its sender right after, as many again deleted. */
    private static final int REVISIONS_ONE_IN = 20;
    /** Group conversations of the workload, of this many members each (the last users'), and how often a send goes to one. */
    private static final int GROUPS = 2;
    private static final int GROUP_SIZE = 5;
    private static final int GROUP_SENDS_ONE_IN = 5;

    @TempDir
    Path dataDirectory;

    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> groupsByPair = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> groupsSeenByPair = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groupMembers = new ConcurrentHashMap<>();
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();

    /** A message the host acknowledged: where it went and what it said. */
    record Acknowledged(String group, String text) {
    }

    @Test
    void under_concurrency_faults_and_a_restart_nothing_is_lost_doubled_or_left_behind() throws Exception {
        int dynamoPort = Ports.free();
        Deployment host = start(dynamoPort);
        List<String> handles = new ArrayList<>(DEMO_HANDLES);
        for (int i = handles.size(); i < USERS; i++) {
            String handle = "load" + i;
            host.messaging().registerUser(new NewUser(new Handle(handle), "Load User " + i,
                    handle + "@example.org", Optional.empty()));
            handles.add(handle);
        }
        ApiClient api = login(host, handles);
        Random random = new Random(SEED);

        // Both sides of several pairs start at the same moment.
        List<Runnable> races = new ArrayList<>();
        for (int pair = 0; pair < 5; pair++) {
            String a = handles.get(2 * pair + 5);
            String b = handles.get(2 * pair + 6);
            races.add(() -> send(api, a, b, "race from " + a));
            races.add(() -> send(api, b, a, "race from " + b));
        }
        runConcurrently(races);
        for (int group = 0; group < GROUPS; group++) {
            startGroup(api, handles.subList(USERS - GROUP_SIZE * (group + 1), USERS - GROUP_SIZE * group));
        }

        int phase = MESSAGES / 3;
        runConcurrently(workload(api, handles, random, phase));
        host.newMessageFeed().close();
        runConcurrently(workload(api, handles, random, phase));
        host.newMessageFeed().start(host.messaging()::refreshMessageGroups);
        host.close();

        Deployment restarted = start(dynamoPort);
        try {
            ApiClient again = login(restarted, handles);
            runConcurrently(workload(again, handles, random, MESSAGES - 2 * phase - races.size() - GROUPS));
            check(again, dynamoPort);
        } finally {
            restarted.close();
        }
    }

    /**
     * Sends, to a pair or (one in {@value #GROUP_SENDS_ONE_IN}) to a group conversation; each now and
     * then followed by another member marking the conversation read (all of it, or up to the
     * message), or by its sender editing or deleting it.
     */
    private List<Runnable> workload(ApiClient api, List<String> handles, Random random, int messages) {
        List<String> groups = List.copyOf(groupMembers.keySet());
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String from;
            String reader;
            String groupConversation = null;
            if (random.nextInt(GROUP_SENDS_ONE_IN) == 0) {
                groupConversation = groups.get(random.nextInt(groups.size()));
                List<String> members = groupMembers.get(groupConversation);
                from = members.get(random.nextInt(members.size()));
                reader = members.get((members.indexOf(from) + 1 + random.nextInt(members.size() - 1)) % members.size());
            } else {
                from = handles.get(random.nextInt(handles.size()));
                String to = handles.get(random.nextInt(handles.size()));
                reader = from.equals(to) ? handles.get((handles.indexOf(from) + 1) % handles.size()) : to;
            }
            String toGroup = groupConversation;
            int reading = random.nextInt(READS_ONE_IN);
            int revising = random.nextInt(REVISIONS_ONE_IN);
            tasks.add(() -> {
                String text = "from " + from + " " + UUID.randomUUID();
                String id = toGroup == null ? send(api, from, reader, text) : sendToGroup(api, from, toGroup, text);
                String group = acknowledged.get(id).group();
                if (revising == 0) {
                    assertThat(api.patch("/api/messages/" + group + "/" + id, tokens.get(from),
                            "{\"message\":\"edited " + id + "\"}").status()).as("an edit").isEqualTo(200);
                } else if (revising == 1) {
                    assertThat(api.delete("/api/messages/" + group + "/" + id, tokens.get(from)).status())
                            .as("a delete").isEqualTo(200);
                }
                if (reading == 0) {
                    markRead(api, reader, group, null);
                } else if (reading == 1) {
                    markRead(api, reader, group, id);
                }
            });
        }
        return tasks;
    }

    private void startGroup(ApiClient api, List<String> members) {
        String id = UUID.randomUUID().toString();
        String others = String.join("\",\"", members.subList(1, members.size()));
        ApiClient.Reply reply = post(api, "/api/message_groups", members.get(0),
                "{\"handles\":[\"" + others + "\"],\"message\":\"hello all\",\"message_uuid\":\"" + id + "\"}");
        String group = reply.body().get("message_group_uuid").asText();
        groupMembers.put(group, List.copyOf(members));
        acknowledged.put(id, new Acknowledged(group, "hello all"));
    }

    private String sendToGroup(ApiClient api, String from, String group, String text) {
        String id = UUID.randomUUID().toString();
        post(api, "/api/messages", from,
                "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\",\"message_uuid\":\"" + id + "\"}");
        acknowledged.put(id, new Acknowledged(group, text));
        return id;
    }

    private void markRead(ApiClient api, String reader, String group, String upTo) {
        ApiClient.Reply reply = api.post("/api/message_groups/" + group + "/read", tokens.get(reader),
                upTo == null ? "" : "{\"message_uuid\":\"" + upTo + "\"}");
        if (reply.status() >= 500) {
            serverErrors.add(reply.status() + " " + reply.body());
        }
        assertThat(reply.status()).as("marking read answered %s", reply.body()).isEqualTo(200);
        reads.incrementAndGet();
    }

    /** One send as a client makes it: to the pair's group if known, else by handle; sometimes retried. Its id. */
    private String send(ApiClient api, String from, String to, String text) {
        String pair = pair(from, to);
        String id = UUID.randomUUID().toString();
        String group = groupsByPair.get(pair);
        String body = group == null
                ? "{\"message\":\"" + text + "\",\"handle\":\"" + to + "\",\"message_uuid\":\"" + id + "\"}"
                : "{\"message\":\"" + text + "\",\"message_group_uuid\":\"" + group + "\",\"message_uuid\":\"" + id + "\"}";
        ApiClient.Reply reply = post(api, "/api/messages", from, body);
        if (Math.floorMod(id.hashCode(), 5) == 0) {
            retries.incrementAndGet();
            ApiClient.Reply retried = post(api, "/api/messages", from, body);
            assertThat(retried.body()).as("a retry answers as the first send did").isEqualTo(reply.body());
        }
        String storedGroup = reply.body().get("message_group_uuid").asText();
        groupsByPair.putIfAbsent(pair, storedGroup);
        groupsSeenByPair.computeIfAbsent(pair, key -> ConcurrentHashMap.newKeySet()).add(storedGroup);
        acknowledged.put(id, new Acknowledged(storedGroup, text));
        return id;
    }

    private ApiClient.Reply post(ApiClient api, String path, String from, String body) {
        ApiClient.Reply reply = api.post(path, tokens.get(from), body);
        if (reply.status() >= 500) {
            serverErrors.add(reply.status() + " " + reply.body());
        }
        assertThat(reply.status()).as("send answered %s", reply.body()).isEqualTo(200);
        return reply;
    }

    private void check(ApiClient api, int dynamoPort) throws InterruptedException {
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(groupsSeenByPair.values()).as("one group per pair").allSatisfy(groups -> assertThat(groups).hasSize(1));
        Map<String, List<String>> sentByGroup = new HashMap<>();
        acknowledged.forEach((id, message) -> sentByGroup.computeIfAbsent(message.group(), g -> new ArrayList<>()).add(id));

        // Through the API: every acknowledged message exactly once, nothing else beyond the demo conversation.
        for (Map.Entry<String, String> pair : groupsByPair.entrySet()) {
            String member = pair.getKey().split("\\|")[0];
            List<String> listed = listAll(api, member, pair.getValue());
            List<String> sent = sentByGroup.get(pair.getValue());
            assertThat(listed).as("messages of %s", pair.getKey()).doesNotHaveDuplicates().containsAll(sent);
            assertThat(listed).hasSize(sent.size() + (DEMO_PAIR.equals(pair.getKey()) ? DEMO_MESSAGES : 0));
        }

        for (Map.Entry<String, List<String>> group : groupMembers.entrySet()) {
            List<String> listed = listAll(api, group.getValue().get(0), group.getKey());
            assertThat(listed).as("messages of group %s", group.getKey()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(sentByGroup.get(group.getKey()));
        }

        // In the table: counts per kind, and every group row at its group's latest message, once E settles.
        try (DynamoDbClient dynamo = DynamoDbClients.dynamo(
                DynamoDbSettings.local(URI.create("http://127.0.0.1:" + dynamoPort), TABLE))) {
            Instant deadline = Instant.now().plus(SETTLE_BOUND);
            List<String> behind;
            Scan scan;
            do {
                scan = scan(dynamo);
                behind = scan.rowsBehind();
                if (!behind.isEmpty()) {
                    Thread.sleep(200);
                }
            } while (!behind.isEmpty() && Instant.now().isBefore(deadline));
            assertThat(behind).as("group rows not at their group's latest message").isEmpty();
            assertThat(scan.miscounted()).as("rows whose unread count differs from a recount of their messages")
                    .isEmpty();
            assertThat(scan.messageIds()).doesNotHaveDuplicates().containsAll(acknowledged.keySet())
                    .as("acknowledged messages and the demo conversation, nothing else")
                    .hasSize(acknowledged.size() + DEMO_MESSAGES);
            int seededPairs = groupsByPair.containsKey(DEMO_PAIR) ? 0 : 1;
            assertThat(scan.pairs()).as("pair items: the workload's and the demo conversation's")
                    .isEqualTo(groupsByPair.size() + seededPairs);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(MESSAGES - 10);
        assertThat(retries.get()).isPositive();
        assertThat(reads.get()).isPositive();
    }

    /** What a scan of the whole table says. */
    record Scan(List<String> messageIds, int pairs, List<String> rowsBehind, List<String> miscounted) {
    }

    /** A message as a recount needs it: when, and from whom. */
    private record Sent(String at, String sender) {
    }

    private static Scan scan(DynamoDbClient dynamo) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(request -> request.tableName(TABLE)).items().forEach(items::add);
        Map<String, String> latestByGroup = new HashMap<>();
        Map<String, List<Sent>> sentByGroup = new HashMap<>();
        List<String> messageIds = new ArrayList<>();
        int pairs = 0;
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get("pk").s();
            if (pk.startsWith("MSG#")) {
                messageIds.add(item.get("message_uuid").s());
                latestByGroup.merge(pk.substring(4), item.get("sk").s(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                sentByGroup.computeIfAbsent(pk.substring(4), group -> new ArrayList<>())
                        .add(new Sent(item.get("sk").s(), item.get("user_uuid").s()));
            } else if (pk.startsWith("PAIR#")) {
                pairs++;
            }
        }
        Set<String> rowOwnersPerGroup = new HashSet<>();
        List<String> behind = new ArrayList<>();
        List<String> miscounted = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get("pk").s();
            if (pk.startsWith("GRP#")) {
                String group = item.get("message_group_uuid").s();
                assertThat(rowOwnersPerGroup.add(pk + group)).as("one row per member and group").isTrue();
                String shownAt = item.get("sk").s();
                if (shownAt.compareTo(latestByGroup.get(group)) < 0) {
                    behind.add(pk + " " + group);
                }
                String owner = pk.substring(4);
                String readAt = item.containsKey("read_at") ? item.get("read_at").s() : null;
                long recount = sentByGroup.get(group).stream()
                        .filter(sent -> !sent.sender().equals(owner))
                        .filter(sent -> readAt == null || sent.at().compareTo(readAt) > 0)
                        .filter(sent -> sent.at().compareTo(shownAt) <= 0)
                        .count();
                int unread = Integer.parseInt(item.get("unread").n());
                if (unread != recount) {
                    miscounted.add(pk + " " + group + ": " + unread + " counted, " + recount + " recounted");
                }
            }
        }
        return new Scan(messageIds, pairs, behind, miscounted);
    }

    private List<String> listAll(ApiClient api, String member, String group) {
        List<String> ids = new ArrayList<>();
        String next = "/api/messages/" + group + "?limit=100";
        while (next != null) {
            ApiClient.Reply page = api.get(next, tokens.get(member));
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode message : page.body()) {
                ids.add(message.get("uuid").asText());
            }
            next = page.link("next");
        }
        return ids;
    }

    private ApiClient login(Deployment host, List<String> handles) {
        ApiClient api = new ApiClient(host.port());
        handles.forEach(handle -> tokens.put(handle, api.login(handle)));
        return api;
    }

    private Deployment start(int dynamoPort) throws IOException {
        return Deployment.embedded(HostConfig.from(HostConfig.Mode.EMBEDDED, 0, Map.of()).withRates(RateLimits.NONE), Optional.of(dataDirectory),
                dynamoPort, 0, TABLE);
    }

    private static void runConcurrently(List<Runnable> tasks) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            tasks.forEach(task -> running.add(senders.submit(task)));
            for (Future<?> task : running) {
                task.get();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
