package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.AppendOutcome;
import io.cruddur.messaging.core.port.SliceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationSeederTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    private static final String TABLE = LOCAL.newTable();

    private final DynamoDbMessagingPort port = new DynamoDbMessagingPort(LOCAL.dynamo(), TABLE);
    private final ConversationSeeder seeder = new ConversationSeeder(LOCAL.dynamo(), TABLE);

    @Test
    void a_seeded_conversation_is_complete_ordered_and_its_rows_show_the_last_message() {
        User andrew = Fixtures.user("andrew");
        User bayko = Fixtures.user("bayko");
        List<Integer> progress = new ArrayList<>();

        MessageGroupId group = seeder.seed(andrew, bayko, 100, Fixtures.T0, progress::add);

        List<Message> all = port.messages(group, SliceQuery.newest(100)).items();
        assertThat(all).hasSize(100);
        assertThat(all.get(0).text().value()).isEqualTo("Seeded message 100 of 100 from @" + bayko.handle().value());
        assertThat(all.get(0).createdAt()).isEqualTo(Fixtures.T0);
        assertThat(progress).isSorted().endsWith(100);
        assertThat(port.rowsOfGroup(group)).hasSize(2)
                .allSatisfy(row -> assertThat(row.lastMessageAt()).isEqualTo(Fixtures.T0));
        assertThat(port.rowsOfGroup(group)).extracting(MessageGroupRow::owner, MessageGroupRow::read)
                .as("each has read up to their own last message; the other's after it is unread")
                .containsExactlyInAnyOrder(tuple(andrew.id(), new ReadState(Optional.of(Fixtures.T0.minusSeconds(1)), 1)),
                        tuple(bayko.id(), ReadState.readUpTo(Fixtures.T0)));
        AppendOutcome late = port.appendMessage(Fixtures.message(group, andrew, "dated before the seed ended",
                Fixtures.T0.minusSeconds(30)));
        assertThat(((AppendOutcome.Appended) late).stored().createdAt()).as("stored after the seeded messages")
                .isAfter(Fixtures.T0);
    }

    @Test
    void seeding_a_pair_again_extends_its_one_group() {
        User andrew = Fixtures.user("andrew");
        User bayko = Fixtures.user("bayko");
        MessageGroupId first = seeder.seed(andrew, bayko, 3, Fixtures.T0, written -> { });

        MessageGroupId second = seeder.seed(bayko, andrew, 3, Fixtures.T0.plusSeconds(60), written -> { });

        assertThat(second).isEqualTo(first);
        assertThat(port.messages(first, SliceQuery.newest(10)).items()).hasSize(6);
        assertThat(port.groupRows(andrew.id(), SliceQuery.newest(10)).items()).hasSize(1);
    }
}
