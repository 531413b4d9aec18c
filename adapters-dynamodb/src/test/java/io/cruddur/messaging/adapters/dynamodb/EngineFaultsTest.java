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
    void an_index_lagging_past_every_look_moves_nothing_now_and_the_next_message_brings_the_rows() {
        LOCAL.engine().faults().indexLag(Duration.ofSeconds(30));
        Message hello = start();
        Message reply = Fixtures.message(hello.groupId(), bayko, "a reply", Fixtures.T0.plusSeconds(1));
        port.appendMessage(reply);
        RefreshMessageGroups refresh = new RefreshMessageGroups(port);

        assertThat(refresh.handle(List.of(reply)).advancedRows()).isZero();
        LOCAL.engine().faults().reset();
        LOCAL.engine().catchUpIndexes();
        assertThat(lastMessages(hello)).containsOnly("hello");

        Message next = Fixtures.message(hello.groupId(), andrew, "the next one", Fixtures.T0.plusSeconds(2));
        port.appendMessage(next);
        assertThat(refresh.handle(List.of(next)).advancedRows()).isEqualTo(2);
        assertThat(lastMessages(hello)).containsOnly("the next one");
    }

    @Test
    void transactions_that_always_conflict_leave_the_batch_for_redelivery_and_half_the_time_get_through() {
        Message hello = start();
        Message reply = Fixtures.message(hello.groupId(), bayko, "a reply", Fixtures.T0.plusSeconds(1));
        port.appendMessage(reply);
        RefreshMessageGroups refresh = new RefreshMessageGroups(port);

        LOCAL.engine().faults().transactionConflictRate(1.0);
        assertThat(refresh.handle(List.of(reply)).complete()).isFalse();
        LOCAL.engine().faults().reset();
        assertThat(lastMessages(hello)).containsOnly("hello");

        LOCAL.engine().faults().transactionConflictRate(0.5);
        assertThat(refresh.handle(List.of(reply)).complete()).isTrue();
        LOCAL.engine().faults().reset();
        assertThat(port.rowsOfGroup(hello.groupId())).extracting(MessageGroupRow::lastMessageAt)
                .containsOnly(Fixtures.T0.plusSeconds(1));
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
