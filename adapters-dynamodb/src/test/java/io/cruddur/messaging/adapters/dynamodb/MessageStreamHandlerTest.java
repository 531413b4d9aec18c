package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.dynamodb.stream.MessageStreamHandler;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeBatchHandler;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeRecord;
import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.BatchOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a batch of stream records becomes a batch of new messages, and a redelivery becomes a record to resume at. */
class MessageStreamHandlerTest {
    private final User andrew = Fixtures.user("andrew");
    private final MessageGroupId busy = Fixtures.newGroup();
    private final MessageGroupId quiet = Fixtures.newGroup();
    private final Message first = Fixtures.message(busy, andrew, "first", Fixtures.T0);
    private final Message other = Fixtures.message(quiet, andrew, "other", Fixtures.T0.plusSeconds(1));
    private final Message second = Fixtures.message(busy, andrew, "second", Fixtures.T0.plusSeconds(2));
    private final List<List<String>> batches = new ArrayList<>();

    @Test
    void inserted_message_items_and_edits_and_deletes_of_them_are_handed_over_in_stream_order() {
        MessageStreamHandler handler = new MessageStreamHandler(batch -> {
            batches.add(texts(batch));
            return BatchOutcome.done(4);
        });
        Message edited = first.editedTo(new MessageText("first, edited"), Fixtures.T0.plusSeconds(3));

        ChangeBatchHandler.BatchResult result = handler.handle(List.of(
                insert("1", first), insert("2", other), new ChangeRecord("MODIFY", "3", MessageTable.messageItem(first)),
                new ChangeRecord("INSERT", "4", MessageTable.messageIdItem(first)), insert("5", second),
                new ChangeRecord("MODIFY", "6", MessageTable.messageItem(edited)),
                new ChangeRecord("MODIFY", "7", MessageTable.messageItem(other.deletedOn(Fixtures.T0.plusSeconds(4))))));

        assertThat(batches).as("a change that is no edit or delete is passed over").containsExactly(
                List.of("first", "other", "second", "first, edited", Message.DELETED_TEXT.value()));
        assertThat(result).isEqualTo(new ChangeBatchHandler.BatchResult(4, Optional.empty()));
    }

    @Test
    void a_message_to_deliver_again_is_reported_as_its_record_past_any_malformed_ones() {
        Map<String, AttributeValue> malformed = new HashMap<>(MessageTable.messageItem(other));
        malformed.remove(MessageTable.MESSAGE_UUID);
        MessageStreamHandler handler = new MessageStreamHandler(batch -> {
            batches.add(texts(batch));
            return new BatchOutcome(2, OptionalInt.of(1));
        });

        ChangeBatchHandler.BatchResult result = handler.handle(List.of(
                insert("1", first), new ChangeRecord("INSERT", "2", malformed), insert("3", other), insert("4", second)));

        assertThat(batches).containsExactly(List.of("first", "other", "second"));
        assertThat(result).isEqualTo(new ChangeBatchHandler.BatchResult(2, Optional.of("3")));
    }

    @Test
    void a_batch_without_new_messages_asks_nothing_of_the_handler() {
        MessageStreamHandler handler = new MessageStreamHandler(batch -> {
            batches.add(texts(batch));
            return BatchOutcome.done(0);
        });

        ChangeBatchHandler.BatchResult result = handler.handle(List.of(
                new ChangeRecord("REMOVE", "1", MessageTable.messageItem(first))));

        assertThat(batches).isEmpty();
        assertThat(result).isEqualTo(new ChangeBatchHandler.BatchResult(0, Optional.empty()));
    }

    private static List<String> texts(List<Message> batch) {
        return batch.stream().map(message -> message.text().value()).toList();
    }

    private static ChangeRecord insert(String sequenceNumber, Message message) {
        return new ChangeRecord("INSERT", sequenceNumber, MessageTable.messageItem(message));
    }
}
