package io.cruddur.messaging.adapters.dynamodb.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbMessagingPort;
import io.cruddur.messaging.adapters.dynamodb.Eventually;
import io.cruddur.messaging.adapters.dynamodb.TestDynamoDb;
import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two KCL workers of one application on the test engine's stream, in one JVM: one reads the
 * table's shard, each record is handled once, and when that worker stops the other takes its
 * lease over and goes on from the checkpoint, then through the end of the shard into its child
 * while the engine throttles a share of all requests, the KCL's own among them.
 */
class KclStreamWorkerTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    /** Joining a fresh application and taking over a lease take the KCL several of its fixed waits. */
    private static final Duration BOUND = Duration.ofSeconds(90);

    private final String table = LOCAL.newTable();
    private final DynamoDbMessagingPort port = new DynamoDbMessagingPort(LOCAL.dynamo(), table);
    private final RefreshMessageGroups refresh = new RefreshMessageGroups(port);
    private final Map<String, List<String>> handledBy = new ConcurrentHashMap<>();
    private final List<KclStreamWorker> workers = new ArrayList<>();
    private final User andrew = Fixtures.user("andrew");
    private final User bayko = Fixtures.user("bayko");

    @AfterEach
    void stop() {
        workers.forEach(KclStreamWorker::close);
    }

    @Test
    void one_worker_reads_the_shard_the_other_takes_over_from_its_checkpoint_and_follows_it_into_the_next() {
        KclStreamWorker a = worker("worker-a");
        KclStreamWorker b = worker("worker-b");
        Message hello = Fixtures.message(Fixtures.newGroup(), andrew, "hello", Fixtures.T0);
        port.startConversation(new NewConversation(andrew, bayko, hello));
        List<String> sent = new ArrayList<>(List.of("hello"));
        for (int i = 1; i <= 10; i++) {
            sent.add(append(hello, "message " + i, i).text().value());
        }

        Eventually.within(BOUND, () -> assertThat(handledBy).containsOnlyKeys(sent));
        assertThat(handledBy.values()).as("each record handled by one worker, once")
                .allSatisfy(workerIds -> assertThat(workerIds).hasSize(1));
        String holder = handledBy.get("hello").get(0);
        assertThat(handledBy.values()).allSatisfy(workerIds -> assertThat(workerIds).containsExactly(holder));
        assertRowsAt("message 10");

        (holder.equals("worker-a") ? a : b).close();
        append(hello, "after the holder stopped", 11);

        Eventually.within(BOUND, () -> assertThat(handledBy).containsKey("after the holder stopped"));
        assertThat(handledBy.get("after the holder stopped")).doesNotContain(holder);
        assertThat(handledBy.get("message 10")).as("nothing checkpointed comes again").containsExactly(holder);
        assertRowsAt("after the holder stopped");

        // The shard ends while the engine throttles 30% of all requests, the KCL's lease and checkpoint writes among them.
        LOCAL.engine().rollOverShards(table);
        append(hello, "in the child shard", 12);
        LOCAL.engine().faults().throttlingRate(0.3);
        try {
            Eventually.within(BOUND, () -> assertThat(handledBy).containsKey("in the child shard"));
        } finally {
            LOCAL.engine().faults().reset();
        }
        assertRowsAt("in the child shard");
        assertThat(LOCAL.dynamo().scan(request -> request.tableName(table + "-workers").consistentRead(true)).items())
                .as("the parent shard is checkpointed at its end, so no worker reads it again")
                .filteredOn(lease -> lease.containsKey("checkpoint") && lease.get("checkpoint").s().equals("SHARD_END"))
                .hasSize(1);
    }

    private KclStreamWorker worker(String id) {
        KclStreamWorker worker = new KclStreamWorker(LOCAL.settings(table),
                new KclSettings(table + "-workers", id, Duration.ofSeconds(2), Duration.ofMillis(50)));
        workers.add(worker);
        worker.start(recording(id));
        return worker;
    }

    private NewMessageHandler recording(String workerId) {
        return batch -> {
            batch.forEach(message -> handledBy.computeIfAbsent(message.text().value(),
                    text -> new CopyOnWriteArrayList<>()).add(workerId));
            return refresh.handle(batch);
        };
    }

    private Message append(Message first, String text, int secondsLater) {
        Message message = Fixtures.message(first.groupId(), bayko, text, Fixtures.T0.plusSeconds(secondsLater));
        port.appendMessage(message);
        return message;
    }

    private void assertRowsAt(String text) {
        Eventually.within(BOUND, () -> assertThat(port.groupRows(andrew.id(),
                SliceQuery.newest(1)).items())
                .extracting(row -> row.lastMessage().value()).containsExactly(text));
        assertThat(port.rowsOfGroup(port.groupRows(bayko.id(), SliceQuery.newest(1))
                .items().get(0).groupId())).extracting(MessageGroupRow::lastMessage)
                .allSatisfy(last -> assertThat(last.value()).isEqualTo(text));
    }
}
