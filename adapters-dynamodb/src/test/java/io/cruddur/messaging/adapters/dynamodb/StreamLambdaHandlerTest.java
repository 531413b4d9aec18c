package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.port.SliceQuery;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Lambda host: a whole batch handled, and a failure reported as a partial batch failure. */
class StreamLambdaHandlerTest {
    private static final LocalDynamoDb LOCAL = LocalDynamoDb.shared();
    private static final String TABLE = LOCAL.newTable();

    private final DynamoDbMessagingPort port = new DynamoDbMessagingPort(LOCAL.dynamo(), TABLE);
    private final User andrew = Fixtures.user("andrew");
    private final Message hello = Fixtures.message(Fixtures.newGroup(), andrew, "hello", Fixtures.T0);

    @Test
    void every_message_insert_in_the_batch_moves_the_rows_and_nothing_is_reported() {
        port.startConversation(new NewConversation(andrew, Fixtures.user("bayko"), hello));
        Message second = stored("second", 1);
        Message third = stored("third", 2);
        DynamodbEvent event = event(
                record("INSERT", "100", MessageTable.messageItem(second)),
                record("MODIFY", "101", MessageTable.messageItem(hello)),
                record("INSERT", "102", MessageTable.rowItem(port.rowsOfGroup(hello.groupId()).get(0))),
                record("INSERT", "103", MessageTable.messageItem(third)),
                record("REMOVE", "104", MessageTable.messageItem(second)));

        StreamsEventResponse response = new StreamLambdaHandler(handlerOn(port)).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(2)
                .allSatisfy(row -> assertThat(row.lastMessage().value()).isEqualTo("third"));
    }

    @Test
    void a_record_that_fails_is_reported_so_lambda_delivers_it_again() {
        port.startConversation(new NewConversation(andrew, Fixtures.user("bayko"), hello));
        Message second = stored("second", 1);
        DynamoDbMessagingPort broken = new DynamoDbMessagingPort(LOCAL.dynamo(), "table-that-is-gone");

        StreamsEventResponse response = new StreamLambdaHandler(handlerOn(broken)).handleRequest(event(
                record("MODIFY", "200", MessageTable.messageItem(hello)),
                record("INSERT", "201", MessageTable.messageItem(second)),
                record("INSERT", "202", MessageTable.messageItem(hello))), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("201");
        List<MessageGroupRow> rows = port.groupRows(andrew.id(), SliceQuery.newest(10)).items();
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.lastMessage().value()).isEqualTo("hello"));
    }

    @Test
    void a_malformed_message_item_is_passed_over_rather_than_blocking_the_shard() {
        Map<String, AttributeValue> malformed = new HashMap<>(MessageTable.messageItem(hello));
        malformed.remove(MessageTable.MESSAGE_UUID);

        StreamsEventResponse response = new StreamLambdaHandler(handlerOn(port))
                .handleRequest(event(record("INSERT", "300", malformed)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
    }

    private Message stored(String text, int secondsLater) {
        Message message = Fixtures.message(hello.groupId(), andrew, text, Fixtures.T0.plusSeconds(secondsLater));
        port.appendMessage(message);
        return message;
    }

    private static MessageStreamHandler handlerOn(DynamoDbMessagingPort port) {
        return new MessageStreamHandler(new RefreshMessageGroups(port));
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String sequenceNumber,
            Map<String, AttributeValue> image) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> lambdaImage = new HashMap<>();
        image.forEach((name, value) -> lambdaImage.put(name,
                new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue().withS(value.s())));
        StreamRecord change = new StreamRecord().withSequenceNumber(sequenceNumber).withNewImage(lambdaImage);
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(change);
        return record;
    }
}
