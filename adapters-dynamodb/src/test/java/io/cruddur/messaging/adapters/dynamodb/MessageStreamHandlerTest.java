package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.RefreshResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a batch of stream records becomes pattern E runs: one per group, in order, with its messages. */
class MessageStreamHandlerTest {
    private final User andrew = Fixtures.user("andrew");
    private final MessageGroupId busy = Fixtures.newGroup();
    private final MessageGroupId quiet = Fixtures.newGroup();
    private final Message first = Fixtures.message(busy, andrew, "first", Fixtures.T0);
    private final Message other = Fixtures.message(quiet, andrew, "other", Fixtures.T0.plusSeconds(1));
    private final Message second = Fixtures.message(busy, andrew, "second", Fixtures.T0.plusSeconds(2));
    private final List<List<String>> runs = new ArrayList<>();

    @Test
    void each_group_is_refreshed_once_per_batch_with_its_messages_in_stream_order() {
        MessageStreamHandler handler = new MessageStreamHandler(messages -> {
            runs.add(messages.stream().map(message -> message.text().value()).toList());
            return new RefreshResult(1, Set.of(andrew.id()));
        });

        ChangeBatchHandler.BatchResult result = handler.handle(List.of(
                insert("1", first), insert("2", other), new ChangeRecord("MODIFY", "3", MessageTable.messageItem(first)),
                insert("4", second)));

        assertThat(runs).containsExactly(List.of("first", "second"), List.of("other"));
        assertThat(result).isEqualTo(new ChangeBatchHandler.BatchResult(2, Optional.empty()));
    }

    @Test
    void a_failing_group_is_reported_at_its_first_record_so_all_of_it_comes_again() {
        MessageStreamHandler handler = new MessageStreamHandler(messages -> {
            if (messages.get(0).groupId().equals(quiet)) {
                throw new MessagingException(ErrorCode.STORAGE_UNAVAILABLE, "down");
            }
            runs.add(messages.stream().map(message -> message.text().value()).toList());
            return new RefreshResult(2, Set.of(andrew.id()));
        });

        ChangeBatchHandler.BatchResult result = handler.handle(List.of(
                insert("1", first), insert("2", other), insert("4", second)));

        assertThat(runs).containsExactly(List.of("first", "second"));
        assertThat(result).isEqualTo(new ChangeBatchHandler.BatchResult(2, Optional.of("2")));
    }

    private static ChangeRecord insert(String sequenceNumber, Message message) {
        return new ChangeRecord("INSERT", sequenceNumber, MessageTable.messageItem(message));
    }
}
