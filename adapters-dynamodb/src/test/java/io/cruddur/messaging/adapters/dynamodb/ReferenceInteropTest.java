package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Member;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.DeleteMessageCommand;
import io.cruddur.messaging.core.usecase.EditMessageCommand;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.ListMessagesQuery;
import io.cruddur.messaging.core.usecase.MessagePage;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items as the reference's Python writes them (boto3 {@code put_item} with its attribute names
 * and {@code datetime.isoformat()} times) are read by patterns A and B, and items written here
 * have exactly the reference's shape.
 */
class ReferenceInteropTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    private static final String TABLE = LOCAL.newTable();

    private final DynamoDbClient dynamo = LOCAL.dynamo();
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final User andrew = register("andrewbrown", "Andrew Brown");
    private final User bayko = register("bayko", "Andrew Bayko");
    private final Messaging messaging = Messaging.builder()
            .messages(new DynamoDbMessagingPort(dynamo, TABLE)).users(directory).build();
    private final String group = UUID.randomUUID().toString();

    @Test
    void a_conversation_written_by_the_reference_is_listed_by_patterns_a_and_b() {
        // The reference writes microseconds, except that isoformat() drops a zero fraction.
        putReferenceMessage("2025-12-31T23:59:59.999999+00:00", andrew, "Happy new year, almost");
        putReferenceMessage("2026-01-01T00:00:00+00:00", bayko, "Happy new year!");
        putReferenceMessage("2026-01-01T00:00:00.000001+00:00", andrew, "Right on time");
        putReferenceGroupRow(andrew, bayko, "2026-01-01T00:00:00.000001+00:00", "Right on time");
        putReferenceGroupRow(bayko, andrew, "2026-01-01T00:00:00.000001+00:00", "Right on time");

        MessagePage newest = messaging.listMessages(new ListMessagesQuery(andrew, new MessageGroupId(UUID.fromString(group)),
                PageRequest.first(2)));
        MessagePage older = messaging.listMessages(new ListMessagesQuery(andrew, new MessageGroupId(UUID.fromString(group)),
                PageRequest.at(newest.older().orElseThrow(), 2)));

        assertThat(newest.messages()).extracting(message -> message.text().value())
                .containsExactly("Happy new year!", "Right on time");
        assertThat(newest.messages().get(0).createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(newest.messages().get(0).sender()).isEqualTo(bayko);
        assertThat(older.messages()).extracting(message -> message.text().value())
                .containsExactly("Happy new year, almost");
        assertThat(older.older()).isEmpty();
        assertThat(messaging.listMessageGroups(new ListMessageGroupsQuery(bayko, PageRequest.first())).groups())
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.counterpart()).isEqualTo(new Counterpart.Person(andrew));
                    assertThat(row.lastMessage().value()).isEqualTo("Right on time");
                    assertThat(row.groupId().toString()).isEqualTo(group);
                });
    }

    @Test
    void a_message_written_here_has_exactly_the_reference_shape() {
        putReferenceGroupRow(andrew, bayko, "2026-01-01T00:00:00+00:00", "hi");
        putReferenceGroupRow(bayko, andrew, "2026-01-01T00:00:00+00:00", "hi");

        Message sent = messaging.sendMessage(SendMessageCommand.parse(bayko, group, "written by Java", null));

        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(TABLE).key(Map.of(
                "pk", AttributeValue.fromS("MSG#" + group),
                "sk", AttributeValue.fromS(Timestamps.format(sent.createdAt()))))).item();
        assertThat(item.keySet()).containsExactlyInAnyOrder(
                "pk", "sk", "message_uuid", "message", "user_uuid", "user_display_name", "user_handle");
        assertThat(item.get("sk").s()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
        assertThat(item.get("message").s()).isEqualTo("written by Java");
        assertThat(item.get("user_uuid").s()).isEqualTo(bayko.id().toString());
        assertThat(item.get("user_handle").s()).isEqualTo("bayko");
        assertThat(item.get("user_display_name").s()).isEqualTo("Andrew Bayko");
        assertThat(item.get("message_uuid").s()).isEqualTo(sent.id().toString());
    }

    @Test
    void group_rows_written_here_have_the_reference_shape_and_only_add_the_read_state() {
        messaging.startConversation(StartConversationCommand.parse(andrew, "bayko", "hello", null));
        MessageGroupRow row = messaging.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first()))
                .groups().get(0);

        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(TABLE).key(Map.of(
                "pk", AttributeValue.fromS("GRP#" + andrew.id()),
                "sk", AttributeValue.fromS(Timestamps.format(row.lastMessageAt()))))).item();
        assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "sk", "message_group_uuid", "message", "user_uuid",
                "user_display_name", "user_handle", "unread", "read_at");
        assertThat(item.get("unread").n()).isEqualTo("0");
        assertThat(item.get("read_at").s()).isEqualTo(item.get("sk").s());
        assertThat(item.get("user_uuid").s()).isEqualTo(bayko.id().toString());
        assertThat(item.get("message_group_uuid").s()).isEqualTo(row.groupId().toString());
    }

    @Test
    void a_message_the_reference_wrote_without_a_fraction_is_found_by_its_time_and_id() {
        String id = putReferenceMessage("2026-01-01T00:00:00+00:00", bayko, "Happy new year!");
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(dynamo, TABLE);

        assertThat(port.findMessage(new MessageGroupId(UUID.fromString(group)),
                Instant.parse("2026-01-01T00:00:00Z"), new MessageId(UUID.fromString(id))))
                .hasValueSatisfying(message -> assertThat(message.text().value()).isEqualTo("Happy new year!"));
    }

    @Test
    void an_edited_or_deleted_message_keeps_every_attribute_the_reference_reads() {
        putReferenceGroupRow(andrew, bayko, "2026-01-01T00:00:00+00:00", "hi");
        putReferenceGroupRow(bayko, andrew, "2026-01-01T00:00:00+00:00", "hi");
        Message sent = messaging.sendMessage(SendMessageCommand.parse(bayko, group, "first words", null));
        Map<String, AttributeValue> key = Map.of(
                "pk", AttributeValue.fromS("MSG#" + group),
                "sk", AttributeValue.fromS(Timestamps.format(sent.createdAt())));

        messaging.editMessage(EditMessageCommand.parse(bayko, group, sent.id().toString(), "better words"));
        Map<String, AttributeValue> edited = dynamo.getItem(request -> request.tableName(TABLE).key(key)).item();
        messaging.deleteMessage(DeleteMessageCommand.parse(bayko, group, sent.id().toString()));
        Map<String, AttributeValue> tombstone = dynamo.getItem(request -> request.tableName(TABLE).key(key)).item();

        assertThat(edited.keySet()).containsExactlyInAnyOrder("pk", "sk", "message_uuid", "message", "user_uuid",
                "user_display_name", "user_handle", "edited_at");
        assertThat(edited.get("message").s()).isEqualTo("better words");
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("pk", "sk", "message_uuid", "message", "user_uuid",
                "user_display_name", "user_handle", "edited_at", "deleted_at");
        assertThat(tombstone.get("message").s()).isEmpty();
    }

    @Test
    void a_pair_the_reference_wrote_counts_unread_from_the_first_message_sent_here_and_keeps_its_attributes() {
        putReferenceMessage("2026-01-01T00:00:00.000001+00:00", bayko, "Happy new year!");
        putReferenceGroupRow(andrew, bayko, "2026-01-01T00:00:00.000001+00:00", "Happy new year!");
        putReferenceGroupRow(bayko, andrew, "2026-01-01T00:00:00.000001+00:00", "Happy new year!");
        Message sent = messaging.sendMessage(SendMessageCommand.parse(bayko, group, "And many more", null));

        messaging.refreshMessageGroups(List.of(sent));

        MessageGroupRow andrews = messaging.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first()))
                .groups().get(0);
        assertThat(andrews.read()).as("what the reference wrote reads as read; what came since counts")
                .isEqualTo(new ReadState(Optional.of(Instant.parse("2026-01-01T00:00:00.000001Z")), 1));
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(TABLE).key(Map.of(
                "pk", AttributeValue.fromS("GRP#" + andrew.id()),
                "sk", AttributeValue.fromS(Timestamps.format(sent.createdAt()))))).item();
        assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "sk", "message_group_uuid", "message", "user_uuid",
                "user_display_name", "user_handle", "unread", "read_at");
        assertThat(item.get("user_handle").s()).isEqualTo("bayko");
        assertThat(item.get("message").s()).isEqualTo("And many more");
    }

    @Test
    void a_message_sent_here_into_a_conversation_the_reference_wrote_is_stored_after_its_latest_whatever_its_time() {
        putReferenceMessage("2099-01-01T00:00:00.000001+00:00", bayko, "From a clock far ahead");
        putReferenceGroupRow(andrew, bayko, "2099-01-01T00:00:00.000001+00:00", "From a clock far ahead");
        putReferenceGroupRow(bayko, andrew, "2099-01-01T00:00:00.000001+00:00", "From a clock far ahead");

        Message sent = messaging.sendMessage(SendMessageCommand.parse(andrew, group, "Dated now", null));
        Message next = messaging.sendMessage(SendMessageCommand.parse(bayko, group, "And after it", null));

        assertThat(sent.createdAt()).isEqualTo(Instant.parse("2099-01-01T00:00:00.000002Z"));
        assertThat(next.createdAt()).isAfter(sent.createdAt());
    }

    @Test
    void a_pair_the_reference_wrote_lists_its_members_and_keeps_them() {
        putReferenceMessage("2026-01-01T00:00:00+00:00", bayko, "Happy new year!");
        putReferenceGroupRow(andrew, bayko, "2026-01-01T00:00:00+00:00", "Happy new year!");
        putReferenceGroupRow(bayko, andrew, "2026-01-01T00:00:00+00:00", "Happy new year!");
        MessageGroupId referenceGroup = new MessageGroupId(UUID.fromString(group));

        Optional<Instant> newYear = Optional.of(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(messaging.listMembers(andrew, referenceGroup)).as("rows without read state read as read up to themselves")
                .containsExactly(new Member(andrew, newYear), new Member(bayko, newYear));
        assertThatThrownBy(() -> messaging.leaveGroup(andrew, referenceGroup)).isInstanceOfSatisfying(
                MessagingException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PAIR_MEMBERS_FIXED));
        assertThat(messaging.listMessageGroups(new ListMessageGroupsQuery(bayko, PageRequest.first())).groups())
                .extracting(MessageGroupRow::counterpart).containsExactly(new Counterpart.Person(andrew));
    }

    @Test
    void a_message_the_reference_wrote_has_no_message_id_item_so_it_is_not_found_for_an_edit_and_stays_as_written() {
        putReferenceGroupRow(andrew, bayko, "2026-01-01T00:00:00+00:00", "Happy new year!");
        putReferenceGroupRow(bayko, andrew, "2026-01-01T00:00:00+00:00", "Happy new year!");
        String id = putReferenceMessage("2026-01-01T00:00:00+00:00", bayko, "Happy new year!");

        assertThatThrownBy(() -> messaging.editMessage(EditMessageCommand.parse(bayko, group, id, "Happy 2026!")))
                .isInstanceOfSatisfying(MessagingException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.MESSAGE_NOT_FOUND));
        assertThat(messaging.listMessages(new ListMessagesQuery(andrew, new MessageGroupId(UUID.fromString(group)),
                PageRequest.first())).messages()).extracting(message -> message.text().value())
                .containsExactly("Happy new year!");
    }

    private String putReferenceMessage(String createdAt, User sender, String text) {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(request -> request.tableName(TABLE).item(Map.of(
                "pk", AttributeValue.fromS("MSG#" + group),
                "sk", AttributeValue.fromS(createdAt),
                "message", AttributeValue.fromS(text),
                "message_uuid", AttributeValue.fromS(id),
                "user_uuid", AttributeValue.fromS(sender.id().toString()),
                "user_display_name", AttributeValue.fromS(sender.displayName()),
                "user_handle", AttributeValue.fromS(sender.handle().value()))));
        return id;
    }

    private void putReferenceGroupRow(User owner, User other, String lastMessageAt, String text) {
        dynamo.putItem(request -> request.tableName(TABLE).item(Map.of(
                "pk", AttributeValue.fromS("GRP#" + owner.id()),
                "sk", AttributeValue.fromS(lastMessageAt),
                "message_group_uuid", AttributeValue.fromS(group),
                "message", AttributeValue.fromS(text),
                "user_uuid", AttributeValue.fromS(other.id().toString()),
                "user_display_name", AttributeValue.fromS(other.displayName()),
                "user_handle", AttributeValue.fromS(other.handle().value()))));
    }

    private User register(String handle, String name) {
        return directory.register(new NewUser(new Handle(handle), name, handle + "@example.org", Optional.empty())).user();
    }
}
