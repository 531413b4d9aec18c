package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.dynamodb.stream.DynamoDbStreamPoller;
import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.BatchOutcome;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The paths real DynamoDB takes the adapter down and a fault-free local engine never does: a group
 * index that lags the table, transactions that conflict, requests that are throttled. The engine's
 * fault switches make each happen on purpose.
 */
class EngineFaultsTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final String table = LOCAL.newTable();
    private final DynamoDbMessagingPort port = new DynamoDbMessagingPort(LOCAL.dynamo(), table);
    private final User andrew = Fixtures.user("andrew");
    private final User bayko = Fixtures.user("bayko");
    private DynamoDbStreamPoller poller;

    @AfterEach
    void switchesOff() {
        if (poller != null) {
            poller.close();
        }
        LOCAL.engine().faults().reset();
        LOCAL.engine().catchUpIndexes();
    }

    private Message start() {
        Message hello = Fixtures.message(Fixtures.newGroup(), andrew, "hello", Fixtures.T0);
        port.startConversation(new NewConversation(andrew, bayko, hello));
        return hello;
    }

    private List<String> lastMessages(Message inGroup) {
        return port.rowsOfGroup(inGroup.groupId()).stream().map(row -> row.lastMessage().value()).toList();
    }

    @Test
    void pattern_e_looks_at_a_lagging_group_index_again_until_the_rows_show() {
        LOCAL.engine().faults().indexLag(Duration.ofMillis(150));
        Message hello = start();
        Message reply = Fixtures.message(hello.groupId(), bayko, "a reply", Fixtures.T0.plusSeconds(1));
        port.appendMessage(reply);

        BatchOutcome outcome = new RefreshMessageGroups(port).handle(List.of(reply));

        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.advancedRows()).isEqualTo(2);
        LOCAL.engine().catchUpIndexes();
        assertThat(lastMessages(hello)).containsOnly("a reply");
    }

    @Test
    void an_index_that_lags_past_every_look_leaves_the_batch_for_redelivery_and_moves_nothing() {
        LOCAL.engine().faults().indexLag(Duration.ofSeconds(30));
        Message hello = start();
        Message reply = Fixtures.message(hello.groupId(), bayko, "a reply", Fixtures.T0.plusSeconds(1));
        port.appendMessage(reply);

        BatchOutcome lagging = new RefreshMessageGroups(port).handle(List.of(reply));

        assertThat(lagging.complete()).isFalse();
        LOCAL.engine().faults().reset();
        LOCAL.engine().catchUpIndexes();
        assertThat(lastMessages(hello)).containsOnly("hello");
        assertThat(new RefreshMessageGroups(port).handle(List.of(reply)).complete()).isTrue();
        assertThat(lastMessages(hello)).containsOnly("a reply");
    }

    @Test
    void rows_move_through_transactions_that_conflict_half_the_time_as_a_feed_redelivers() {
        Message hello = start();
        List<Message> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Message message = Fixtures.message(hello.groupId(), i % 2 == 0 ? andrew : bayko, "message " + i,
                    Fixtures.T0.plusSeconds(i));
            port.appendMessage(message);
            batch.add(message);
        }
        LOCAL.engine().faults().transactionConflictRate(0.5);

        RefreshMessageGroups refresh = new RefreshMessageGroups(port);
        int deliveries = 0;
        for (Message message : batch) {
            boolean complete = false;
            for (int attempt = 0; attempt < 30 && !complete; attempt++) {
                complete = refresh.handle(List.of(message)).complete();
                deliveries++;
            }
            assertThat(complete).as("delivered until handled").isTrue();
        }
        assertThat(deliveries).as("some transactions conflicted").isGreaterThan(batch.size());

        LOCAL.engine().faults().reset();
        assertThat(lastMessages(hello)).containsOnly("message 5");
        assertThat(port.rowsOfGroup(hello.groupId())).extracting(MessageGroupRow::lastMessageAt)
                .containsOnly(Fixtures.T0.plusSeconds(5));
    }

    @Test
    void the_stream_poller_delivers_every_message_through_throttling_and_late_records() {
        Message hello = start();
        List<String> seen = new CopyOnWriteArrayList<>();
        RefreshMessageGroups refresh = new RefreshMessageGroups(port);
        NewMessageHandler recording = batch -> {
            batch.forEach(message -> seen.add(message.text().value()));
            return refresh.handle(batch);
        };
        LOCAL.engine().faults().throttlingRate(0.3).streamDelay(Duration.ofMillis(200));
        poller = new DynamoDbStreamPoller(LOCAL.dynamo(), LOCAL.streams(), table, Duration.ofMillis(50));
        poller.start(recording);
        List<String> expected = new ArrayList<>(List.of("hello"));
        for (int i = 1; i <= 5; i++) {
            Message message = Fixtures.message(hello.groupId(), bayko, "late " + i, Fixtures.T0.plusSeconds(i));
            LOCAL.engine().faults().throttlingRate(0);
            port.appendMessage(message);
            LOCAL.engine().faults().throttlingRate(0.3);
            expected.add(message.text().value());
        }

        Eventually.within(BOUND, () -> assertThat(seen).containsSubsequence(expected).containsAll(expected));
        LOCAL.engine().faults().reset();
        Eventually.within(BOUND, () -> assertThat(lastMessages(hello)).containsOnly("late 5"));
    }
}
