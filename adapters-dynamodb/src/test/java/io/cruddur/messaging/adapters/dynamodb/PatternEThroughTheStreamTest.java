package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.dynamodb.stream.ChangeBatchHandler;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeRecord;
import io.cruddur.messaging.adapters.dynamodb.stream.DynamoDbStreamPoller;
import io.cruddur.messaging.adapters.dynamodb.stream.MessageStreamHandler;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.GroupTitle;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.ReadState;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewMessageHandler;
import io.cruddur.messaging.core.usecase.AddMembersCommand;
import io.cruddur.messaging.core.usecase.DeleteMessageCommand;
import io.cruddur.messaging.core.usecase.EditMessageCommand;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.RefreshMessageGroups;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import io.cruddur.messaging.core.usecase.StartGroup;
import io.cruddur.messaging.core.usecase.StartGroupCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Pattern E as production runs it: messages land in the table, the stream carries them, rows follow. */
class PatternEThroughTheStreamTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final String table = LOCAL.newTable();
    private final DynamoDbMessagingPort port = new DynamoDbMessagingPort(LOCAL.dynamo(), table);
    private final RefreshMessageGroups refresh = new RefreshMessageGroups(port);
    private final MessageStreamHandler handler = new MessageStreamHandler(refresh);
    private final DynamoDbStreamPoller poller =
            new DynamoDbStreamPoller(LOCAL.dynamo(), LOCAL.streams(), table, Duration.ofMillis(200));
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final User andrew = register("andrewbrown");
    private final User bayko = register("bayko");
    private final Messaging messaging = Messaging.builder().messages(port).users(directory).build();

    @AfterEach
    void stopPoller() {
        poller.close();
    }

    @Test
    void the_poller_brings_both_members_rows_to_the_last_message() {
        poller.start(refresh);
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        List<Message> replies = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> messaging.sendMessage(new SendMessageCommand(i % 2 == 0 ? andrew : bayko, group,
                        new MessageText("reply " + i), Optional.empty())))
                .toList();
        Message last = replies.get(replies.size() - 1);

        Eventually.within(BOUND, () -> {
            assertThat(row(andrew)).extracting(r -> r.lastMessage().value(), MessageGroupRow::lastMessageAt)
                    .containsExactly("reply 5", last.createdAt());
            assertThat(row(bayko)).extracting(r -> r.lastMessage().value(), MessageGroupRow::lastMessageAt)
                    .containsExactly("reply 5", last.createdAt());
        });
    }

    @Test
    void the_poller_brings_every_members_row_of_a_group_to_the_last_message() {
        User londo = register("londo");
        poller.start(refresh);
        MessageGroupId group = messaging.startGroup(new StartGroupCommand(andrew,
                List.of(bayko.handle(), londo.handle()), Optional.of(new GroupTitle("Three")),
                new MessageText("hello all"), Optional.empty())).groupId();
        Message last = send(londo, group, "hello from londo");

        Eventually.within(BOUND, () -> {
            for (User member : List.of(andrew, bayko, londo)) {
                assertThat(row(member)).extracting(r -> r.lastMessage().value(), MessageGroupRow::lastMessageAt,
                                r -> r.counterpart().displayName())
                        .containsExactly("hello from londo", last.createdAt(), "Three");
            }
        });
    }

    @Test
    void a_group_at_the_largest_size_has_all_its_rows_moved_by_the_stream() {
        List<User> others = IntStream.range(1, StartGroup.MAX_MEMBERS)
                .mapToObj(i -> register("member" + i)).toList();
        poller.start(refresh);
        MessageGroupId group = messaging.startGroup(new StartGroupCommand(andrew,
                others.stream().map(User::handle).toList(), Optional.empty(),
                new MessageText("hello everyone"), Optional.empty())).groupId();
        Message last = send(others.get(others.size() - 1), group, "hello from the last");

        Eventually.within(BOUND, () -> {
            assertThat(row(andrew).lastMessageAt()).isEqualTo(last.createdAt());
            for (User member : others) {
                assertThat(row(member)).extracting(r -> r.lastMessage().value(), r -> r.counterpart().members())
                        .containsExactly("hello from the last", StartGroup.MAX_MEMBERS);
            }
        });
    }

    @Test
    void after_members_join_and_leave_the_stream_moves_the_rows_of_the_members_now() {
        User londo = register("londo");
        User gkar = register("gkar");
        poller.start(refresh);
        MessageGroupId group = messaging.startGroup(new StartGroupCommand(andrew,
                List.of(bayko.handle(), londo.handle()), Optional.empty(),
                new MessageText("hello all"), Optional.empty())).groupId();
        Message before = send(londo, group, "before the change");
        Eventually.within(BOUND, () -> assertThat(row(andrew).lastMessageAt()).isEqualTo(before.createdAt()));

        messaging.addMembers(new AddMembersCommand(andrew, group, List.of(gkar.handle())));
        messaging.leaveGroup(bayko, group);
        Message after = send(gkar, group, "after the change");

        Eventually.within(BOUND, () -> {
            for (User member : List.of(andrew, londo, gkar)) {
                assertThat(row(member)).extracting(r -> r.lastMessage().value(), MessageGroupRow::lastMessageAt,
                                r -> r.counterpart().members())
                        .containsExactly("after the change", after.createdAt(), 3);
            }
            assertThat(groups(bayko)).isEmpty();
        });
    }

    @Test
    void duplicated_and_out_of_order_records_still_end_at_the_latest_message() {
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        Message first = send(bayko, group, "first");
        Message second = send(andrew, group, "second");
        Message third = send(bayko, group, "third");
        assertThat(row(andrew).lastMessage().value()).as("without the stream, rows stay put").isEqualTo("hello");

        ChangeBatchHandler.BatchResult result = handler.handle(List.of(
                insert("1", third), insert("2", first), insert("3", third), insert("4", second),
                new ChangeRecord("MODIFY", "5", MessageTable.messageItem(first)),
                new ChangeRecord("REMOVE", "6", MessageTable.messageItem(first)),
                new ChangeRecord("INSERT", "7", MessageTable.rowItem(row(andrew)))));

        assertThat(result).isEqualTo(new ChangeBatchHandler.BatchResult(2, Optional.empty()));
        assertThat(row(andrew).lastMessage().value()).isEqualTo("third");
        assertThat(row(bayko).lastMessageAt()).isEqualTo(third.createdAt());
        assertThat(groups(andrew)).hasSize(1);
        assertThat(row(andrew).read()).as("read up to his own second; the third unread")
                .isEqualTo(new ReadState(Optional.of(second.createdAt()), 1));
        assertThat(row(bayko).read()).as("read up to his own third").isEqualTo(ReadState.readUpTo(third.createdAt()));
    }

    @Test
    void an_edit_then_a_delete_of_the_latest_message_reach_every_row_and_a_late_record_changes_nothing() {
        poller.start(refresh);
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        Message sent = send(bayko, group, "see you at 5");
        Eventually.within(BOUND, () -> assertThat(row(andrew).lastMessage().value()).isEqualTo("see you at 5"));

        Message edited = messaging.editMessage(new EditMessageCommand(bayko, group, sent.id(),
                new MessageText("see you at 6")));
        Eventually.within(BOUND, () -> {
            assertThat(row(andrew).lastMessage().value()).isEqualTo("see you at 6");
            assertThat(row(bayko).lastMessage().value()).isEqualTo("see you at 6");
        });
        messaging.deleteMessage(new DeleteMessageCommand(bayko, group, sent.id()));
        Eventually.within(BOUND, () -> {
            assertThat(row(andrew).lastMessage()).isEqualTo(Message.DELETED_TEXT);
            assertThat(row(bayko).lastMessage()).isEqualTo(Message.DELETED_TEXT);
        });
        Map<String, AttributeValue> stored = LOCAL.dynamo().getItem(request -> request.tableName(table)
                .key(MessageTable.messageKey(sent)).consistentRead(true)).item();
        assertThat(stored.get(MessageTable.MESSAGE).s()).as("a tombstone keeps no text").isEmpty();
        assertThat(stored).containsKeys(MessageTable.DELETED_AT, MessageTable.EDITED_AT);
        poller.close();

        handler.handle(List.of(insert("1", sent), new ChangeRecord("MODIFY", "2", MessageTable.messageItem(edited))));

        assertThat(row(andrew).lastMessage()).isEqualTo(Message.DELETED_TEXT);
        assertThat(row(andrew).lastMessageAt()).isEqualTo(sent.createdAt());
    }

    @Test
    void a_stopped_poller_catches_up_when_started_again() {
        poller.start(refresh);
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        Eventually.within(BOUND, () -> assertThat(poller.handledRecords()).isPositive());
        poller.close();
        Message whileStopped = send(bayko, group, "while the poller was stopped");

        poller.start(refresh);

        Eventually.within(BOUND, () -> assertThat(row(andrew).lastMessageAt()).isEqualTo(whileStopped.createdAt()));
    }

    @Test
    void a_new_poller_on_the_same_table_resumes_after_the_last_checkpoint_instead_of_replaying() {
        List<String> firstRun = new CopyOnWriteArrayList<>();
        poller.start(recording(firstRun));
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        send(bayko, group, "before the restart");
        Eventually.within(BOUND, () -> assertThat(firstRun).containsExactly("hello", "before the restart"));
        poller.close();
        Message afterRestart = send(andrew, group, "after the restart");
        List<String> secondRun = new CopyOnWriteArrayList<>();

        try (DynamoDbStreamPoller restarted = new DynamoDbStreamPoller(LOCAL.dynamo(), LOCAL.streams(), table,
                Duration.ofMillis(200))) {
            restarted.start(recording(secondRun));
            Eventually.within(BOUND, () -> assertThat(row(bayko).lastMessageAt()).isEqualTo(afterRestart.createdAt()));
        }

        assertThat(secondRun).containsExactly("after the restart");
    }

    @Test
    void a_handler_that_throws_does_not_end_the_poller_and_its_batch_comes_again() {
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        NewMessageHandler recorded = recording(handled);
        poller.start(batch -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("a defect in the handler");
            }
            return recorded.handle(batch);
        });
        messaging.startConversation(StartConversationCommand.parse(andrew, "bayko", "hello", null));

        Eventually.within(BOUND, () -> assertThat(handled).containsExactly("hello"));
    }

    private NewMessageHandler recording(List<String> texts) {
        return batch -> {
            batch.forEach(message -> texts.add(message.text().value()));
            return refresh.handle(batch);
        };
    }

    private Message send(User sender, MessageGroupId group, String text) {
        return messaging.sendMessage(new SendMessageCommand(sender, group,
                new MessageText(text), Optional.empty()));
    }

    private static ChangeRecord insert(String sequenceNumber, Message message) {
        return new ChangeRecord("INSERT", sequenceNumber, MessageTable.messageItem(message));
    }

    private MessageGroupRow row(User owner) {
        return groups(owner).get(0);
    }

    private List<MessageGroupRow> groups(User owner) {
        return messaging.listMessageGroups(new ListMessageGroupsQuery(owner, PageRequest.first())).groups();
    }

    private User register(String handle) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty())).user();
    }
}
