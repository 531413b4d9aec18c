package io.cruddur.messaging.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbMessagingPort;
import io.cruddur.messaging.adapters.dynamodb.TestDynamoDb;
import io.cruddur.messaging.adapters.inmemory.InMemoryNewsBus;
import io.cruddur.messaging.adapters.postgres.PostgresNewsBus;
import io.cruddur.messaging.core.cache.CacheSettings;
import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.GroupNews;
import io.cruddur.messaging.core.port.MessageNews;
import io.cruddur.messaging.core.port.NewConversation;
import io.cruddur.messaging.core.usecase.NewsPublisher;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Lambda host: a whole batch handled, a failure reported as a partial batch failure, news
 * published for the hosts. Records carry the items as the engine stored them, as a stream's
 * new images do.
 */
class StreamLambdaHandlerTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    private static final String TABLE = LOCAL.newTable();
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final DynamoDbMessagingPort port = new DynamoDbMessagingPort(LOCAL.dynamo(), TABLE);
    private final User andrew = Fixtures.user("andrew");
    private final User bayko = Fixtures.user("bayko");
    private final Message hello = Fixtures.message(Fixtures.newGroup(), andrew, "hello", Fixtures.T0);

    @Test
    void every_message_insert_in_the_batch_moves_the_rows_and_nothing_is_reported() {
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message second = stored("second", 1);
        Message third = stored("third", 2);
        DynamodbEvent event = event(
                record("INSERT", "100", image(second)),
                record("MODIFY", "101", image(hello)),
                record("INSERT", "102", rowImage(andrew)),
                record("INSERT", "103", image(third)),
                record("REMOVE", "104", image(second)));

        StreamsEventResponse response = handler(port, new AtomicInteger()).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(2)
                .allSatisfy(row -> assertThat(row.lastMessage().value()).isEqualTo("third"));
    }

    @Test
    void an_edit_record_of_the_latest_message_rewrites_the_rows_that_show_it() {
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message edited = hello.editedTo(new MessageText("hello, edited"), Fixtures.T0.plusSeconds(5));
        port.reviseMessage(hello, edited);

        StreamsEventResponse response = handler(port, new AtomicInteger()).handleRequest(
                event(record("MODIFY", "150", image(edited))), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(port.rowsOfGroup(hello.groupId())).hasSize(2)
                .allSatisfy(row -> assertThat(row.lastMessage().value()).isEqualTo("hello, edited"));
    }

    @Test
    void a_record_that_fails_is_reported_so_lambda_delivers_it_again() {
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message second = stored("second", 1);
        DynamoDbMessagingPort broken = new DynamoDbMessagingPort(LOCAL.dynamo(), "table-that-is-gone");

        StreamsEventResponse response = handler(broken, new AtomicInteger()).handleRequest(event(
                record("MODIFY", "200", image(hello)),
                record("INSERT", "201", image(second)),
                record("INSERT", "202", image(hello))), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("201");
        assertThat(port.rowsOfGroup(hello.groupId()))
                .allSatisfy(row -> assertThat(row.lastMessage().value()).isEqualTo("hello"));
    }

    @Test
    void a_warning_reaches_standard_output_through_lambdas_appender_for_an_event_the_runtime_deserialized() {
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message second = stored("second", 1);
        DynamodbEvent event = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
                .fromJson(streamEventJson("310", image(second)));
        DynamoDbMessagingPort broken = new DynamoDbMessagingPort(LOCAL.dynamo(), "table-that-is-gone");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        StreamsEventResponse response;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            response = handler(broken, new AtomicInteger()).handleRequest(event, null);
        } finally {
            System.setOut(standardOutput);
        }

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("310");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .containsPattern("WARN +MessageStreamHandler - new messages from record 310 on will be delivered again");
    }

    @Test
    void a_malformed_message_item_is_passed_over_and_the_records_after_it_are_still_handled() {
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message later = stored("after the malformed one", 3);
        Map<String, AttributeValue> malformed = new HashMap<>(image(later));
        malformed.remove("message_uuid");

        StreamsEventResponse response = handler(port, new AtomicInteger()).handleRequest(event(
                record("INSERT", "300", malformed), record("INSERT", "301", image(later))), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(port.rowsOfGroup(hello.groupId()))
                .allSatisfy(row -> assertThat(row.lastMessage().value()).isEqualTo("after the malformed one"));
    }

    @Test
    void news_of_the_moved_rows_is_published_and_flushed_before_the_invocation_returns() {
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message reply = stored("reply", 1);
        InMemoryNewsBus bus = new InMemoryNewsBus();
        BlockingQueue<GroupNews> heard = new LinkedBlockingQueue<>();
        bus.subscribe(heard::add);
        AtomicInteger flushes = new AtomicInteger();
        StreamLambdaHandler handler = new StreamLambdaHandler(flushes::incrementAndGet);
        handler.start(new RefreshMessageGroups(port, new NewsPublisher(bus), CacheSettings.DEFAULT, 2));

        handler.handleRequest(event(record("INSERT", "400", image(reply))), null);

        assertThat(heard).containsExactly(new MessageNews(reply.groupId(), reply.id(), reply.createdAt()));
        assertThat(flushes).hasValue(1);
    }

    @Test
    void a_container_with_a_connection_url_publishes_news_the_hosts_hear_over_postgres() throws Exception {
        port.startConversation(new NewConversation(andrew, bayko, hello));
        Message reply = stored("news over postgres", 1);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             PostgresNewsBus host = new PostgresNewsBus(postgres.getPostgresDatabase(), postgres.getPostgresDatabase())) {
            BlockingQueue<GroupNews> heard = new LinkedBlockingQueue<>();
            host.subscribe(heard::add);
            awaitListening(host);
            LambdaContainer container = LambdaContainer.from(Map.of(
                    "AWS_ENDPOINT_URL", LOCAL.endpoint().toString(),
                    "DDB_MESSAGE_TABLE", TABLE,
                    "CONNECTION_URL", postgres.getJdbcUrl("postgres", "postgres")));

            StreamLambdaHandler handler = new StreamLambdaHandler(() -> StreamLambdaHandler.flushNews(container));
            handler.start(container.refresh());
            handler.handleRequest(event(record("INSERT", "500", image(reply))), null);

            assertThat(heard.poll(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new MessageNews(
                    reply.groupId(), reply.id(), reply.createdAt()));
        }
    }

    private static void awaitListening(PostgresNewsBus bus) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!bus.listening()) {
            assertThat(System.nanoTime()).as("listening within %s", BOUND).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Message stored(String text, int secondsLater) {
        Message message = Fixtures.message(hello.groupId(), andrew, text, Fixtures.T0.plusSeconds(secondsLater));
        port.appendMessage(message);
        return message;
    }

    private static StreamLambdaHandler handler(DynamoDbMessagingPort on, AtomicInteger flushes) {
        StreamLambdaHandler handler = new StreamLambdaHandler(flushes::incrementAndGet);
        handler.start(new RefreshMessageGroups(on));
        return handler;
    }

    @Test
    void an_invocation_before_the_feed_is_started_is_refused() {
        StreamLambdaHandler notStarted = new StreamLambdaHandler(() -> { });

        assertThatThrownBy(() -> notStarted.handleRequest(event(), null)).isInstanceOf(IllegalStateException.class);
    }

    /** The message's item as stored: what the stream's new image holds. */
    private Map<String, AttributeValue> image(Message message) {
        return partition("MSG#" + message.groupId()).stream()
                .filter(item -> item.get("message_uuid").s().equals(message.id().toString()))
                .findFirst().orElseThrow();
    }

    /** The owner's (only) group row as stored. */
    private Map<String, AttributeValue> rowImage(User owner) {
        return partition("GRP#" + owner.id()).get(0);
    }

    private List<Map<String, AttributeValue>> partition(String pk) {
        return LOCAL.dynamo().query(request -> request.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).consistentRead(true)).items();
    }

    /** One INSERT as the DynamoDB Streams event source hands it to a function, in JSON. */
    private static String streamEventJson(String sequenceNumber, Map<String, AttributeValue> image) {
        String newImage = image.entrySet().stream()
                .map(attribute -> json(attribute.getKey()) + ":{\"S\":" + json(attribute.getValue().s()) + "}")
                .collect(Collectors.joining(",", "{", "}"));
        return "{\"Records\":[{\"eventID\":\"e" + sequenceNumber + "\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\","
                + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{"
                + "\"ApproximateCreationDateTime\":1764633600,\"NewImage\":" + newImage + ","
                + "\"SequenceNumber\":\"" + sequenceNumber + "\",\"SizeBytes\":256,\"StreamViewType\":\"NEW_IMAGE\"},"
                + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-12-02T00:00:00.000\"}]}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
