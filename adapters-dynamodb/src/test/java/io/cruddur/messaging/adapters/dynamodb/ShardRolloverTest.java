package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.dynamodb.stream.DynamoDbStreamPoller;
import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/**
 * The poller across a shard rollover: the parent shard is read to its end before the child, and
 * every record arrives once, in order. The test engine rolls the table's shards over on demand.
 */
class ShardRolloverTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final TestDynamoDb dynamo = TestDynamoDb.shared();
    private final String table = dynamo.newTable();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private DynamoDbStreamPoller poller;

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
    }

    @Test
    void every_record_is_handled_once_and_in_order_across_a_rollover() {
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(dynamo.dynamo(), table);
        RefreshMessageGroups real = new RefreshMessageGroups(port);
        NewMessageHandler recording = batch -> {
            batch.forEach(message -> seen.add(message.text().value()));
            return real.handle(batch);
        };
        poller = new DynamoDbStreamPoller(dynamo.dynamo(), dynamo.streams(), table,
                Duration.ofMillis(100));
        User andrew = Fixtures.user("andrew");
        Message hello = Fixtures.message(Fixtures.newGroup(), andrew, "message 0", Fixtures.T0);
        port.startConversation(new NewConversation(andrew, Fixtures.user("bayko"), hello));
        List<String> expected = new ArrayList<>(List.of("message 0"));
        for (int i = 1; i <= 3; i++) {
            expected.add(append(port, hello, i));
        }
        dynamo.engine().rollOverShards(table);
        for (int i = 4; i <= 6; i++) {
            expected.add(append(port, hello, i));
        }

        poller.start(recording);
        Eventually.within(BOUND, () -> assertThat(seen).containsExactlyElementsOf(expected));
        dynamo.engine().rollOverShards(table);
        expected.add(append(port, hello, 7));

        Eventually.within(BOUND, () -> assertThat(seen).containsExactlyElementsOf(expected));
        List<Shard> shards = dynamo.streams().describeStream(request -> request.streamArn(
                dynamo.dynamo().describeTable(describe -> describe.tableName(table)).table().latestStreamArn()))
                .streamDescription().shards();
        assertThat(shards).hasSizeGreaterThanOrEqualTo(2).anySatisfy(shard -> assertThat(shard.parentShardId()).isNotNull());
    }

    private static String append(DynamoDbMessagingPort port, Message first, int i) {
        String text = "message " + i;
        port.appendMessage(Fixtures.message(first.groupId(), first.sender(), text, Fixtures.T0.plusSeconds(i)));
        return text;
    }
}
