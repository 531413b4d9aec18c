package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.AddMembersCommand;
import io.cruddur.messaging.core.usecase.DeleteMessageCommand;
import io.cruddur.messaging.core.usecase.EditMessageCommand;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.ListMessagesQuery;
import io.cruddur.messaging.core.usecase.MarkReadCommand;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import io.cruddur.messaging.core.usecase.StartGroupCommand;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** What each pattern costs in DynamoDB requests, counted at the SDK by an execution interceptor. */
class RequestCountTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    private static final String TABLE = LOCAL.newTable();

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<ReturnConsumedCapacity> capacityAskedOfQueries = new CopyOnWriteArrayList<>();
    private final DynamoDbClient counted = LOCAL.dynamo(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            if (context.request() instanceof QueryRequest query) {
                capacityAskedOfQueries.add(query.returnConsumedCapacity());
            }
        }
    });
    private final DynamoDbMessagingPort port = new DynamoDbMessagingPort(counted, TABLE);
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final User andrew = register("andrewbrown");
    private final User bayko = register("bayko");

    @Test
    void each_pattern_costs_one_request_once_memberships_are_cached() {
        Messaging messaging = Messaging.builder().messages(port).users(directory).build();

        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        assertThat(takeRequests()).as("D").containsExactly("TransactWriteItems");

        messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "hi", null));
        assertThat(takeRequests()).as("C").containsExactly("TransactWriteItems");

        messaging.listMessages(new ListMessagesQuery(andrew, group, PageRequest.first()));
        assertThat(takeRequests()).as("A").containsExactly("Query");

        messaging.listMessageGroups(new ListMessageGroupsQuery(bayko, PageRequest.first()));
        assertThat(takeRequests()).as("B").containsExactly("Query");
    }

    @Test
    void only_the_operators_reports_ask_what_a_query_consumed() {
        Messaging messaging = Messaging.builder().messages(port).users(directory).build();
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "how much?", null)).groupId();
        capacityAskedOfQueries.clear();

        messaging.listMessages(new ListMessagesQuery(andrew, group, PageRequest.first()));
        messaging.listMessageGroups(new ListMessageGroupsQuery(bayko, PageRequest.first()));
        List<ReturnConsumedCapacity> byTheListings = List.copyOf(capacityAskedOfQueries);
        capacityAskedOfQueries.clear();
        PatternReports.Report<Message> report = new PatternReports(counted, TABLE).conversation(group, 5);

        assertThat(byTheListings).containsExactly(ReturnConsumedCapacity.NONE, ReturnConsumedCapacity.NONE);
        assertThat(capacityAskedOfQueries).containsExactly(ReturnConsumedCapacity.TOTAL);
        assertThat(report.capacityUnits()).isPositive();
    }

    @Test
    void another_process_looks_a_group_up_once_then_serves_it_from_its_cache() {
        MessageGroupId group = Messaging.builder().messages(port).users(directory).build()
                .startConversation(StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        Messaging otherProcess = Messaging.builder().messages(port).users(directory).build();
        takeRequests();

        otherProcess.listMessages(new ListMessagesQuery(bayko, group, PageRequest.first()));
        assertThat(takeRequests()).as("first read of a pair: no members item, membership from the GSI, then the page")
                .containsExactly("GetItem", "Query", "Query");

        otherProcess.sendMessage(new SendMessageCommand(bayko, group,
                new MessageText("again"), Optional.empty()));
        otherProcess.listMessages(new ListMessagesQuery(bayko, group, PageRequest.first()));
        assertThat(takeRequests()).containsExactly("TransactWriteItems", "Query");
    }

    @Test
    void another_process_reads_a_group_conversations_members_from_one_consistent_item() {
        User londo = directory.register(new NewUser(new Handle("londo"), "Londo", "londo@example.org",
                Optional.empty())).user();
        MessageGroupId group = Messaging.builder().messages(port).users(directory).build()
                .startGroup(StartGroupCommand.parse(andrew, List.of("bayko", "londo"), null, "hello", null)).groupId();
        Messaging otherProcess = Messaging.builder().messages(port).users(directory).build();
        takeRequests();

        otherProcess.listMessages(new ListMessagesQuery(londo, group, PageRequest.first()));
        otherProcess.listMessages(new ListMessagesQuery(londo, group, PageRequest.first()));

        assertThat(takeRequests()).as("the members item, then each page").containsExactly("GetItem", "Query", "Query");
    }

    @Test
    void moving_a_groups_rows_costs_a_count_and_one_transaction_once_their_positions_are_known() {
        Messaging messaging = Messaging.builder().messages(port).users(directory).build();
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        Message first = messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "one", null));
        Message second = messaging.sendMessage(SendMessageCommand.parse(andrew, group.toString(), "two", null));
        Message third = messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "three", null));
        takeRequests();

        assertThat(messaging.refreshMessageGroups(List.of(first)).advancedRows()).isEqualTo(2);
        assertThat(takeRequests()).as("first time: the rows from the GSI, the messages they pass to count, then both moved at once")
                .containsExactly("Query", "Query", "TransactWriteItems");

        assertThat(messaging.refreshMessageGroups(List.of(second, third)).advancedRows()).isEqualTo(2);
        assertThat(takeRequests()).as("then: per group per batch, the messages passed and one transaction")
                .containsExactly("Query", "TransactWriteItems");
    }

    @Test
    void edits_deletes_and_changes_of_members_cost_what_the_readme_says() {
        User londo = directory.register(new NewUser(new Handle("londo"), "Londo", "londo@example.org",
                Optional.empty())).user();
        User gkar = directory.register(new NewUser(new Handle("gkar"), "G'Kar", "gkar@example.org",
                Optional.empty())).user();
        Messaging messaging = Messaging.builder().messages(port).users(directory).build();
        MessageGroupId group = messaging.startGroup(StartGroupCommand.parse(andrew, List.of("bayko", "londo"), null,
                "hello", null)).groupId();
        Message sent = messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "typo", null));
        takeRequests();

        messaging.editMessage(EditMessageCommand.parse(bayko, group.toString(), sent.id().toString(), "no typo"));
        assertThat(takeRequests()).as("edit: the sender's id item, the message, the put")
                .containsExactly("GetItem", "GetItem", "PutItem");
        messaging.deleteMessage(DeleteMessageCommand.parse(bayko, group.toString(), sent.id().toString()));
        assertThat(takeRequests()).as("delete").containsExactly("GetItem", "GetItem", "PutItem");
        assertThatThrownBy(() -> messaging.deleteMessage(DeleteMessageCommand.parse(andrew, group.toString(),
                sent.id().toString()))).isInstanceOf(MessagingException.class);
        assertThat(takeRequests()).as("someone else's: no id of the caller's, then the others' ids")
                .containsExactly("GetItem", "BatchGetItem");

        messaging.listMembers(londo, group);
        assertThat(takeRequests()).as("members list: the members item, their rows for how far each has read")
                .containsExactly("GetItem", "Query");
        messaging.addMembers(AddMembersCommand.parse(londo, group.toString(), List.of("gkar")));
        assertThat(takeRequests()).as("add").containsExactly("GetItem", "Query", "TransactWriteItems");
        messaging.leaveGroup(gkar, group);
        assertThat(takeRequests()).as("leave").containsExactly("GetItem", "Query", "TransactWriteItems");
    }

    @Test
    void marking_read_costs_what_the_readme_says() {
        Messaging messaging = Messaging.builder().messages(port).users(directory).build();
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "bayko", "hello", null)).groupId();
        Message one = messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "one", null));
        Message two = messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "two", null));
        messaging.refreshMessageGroups(List.of(one, two));
        takeRequests();

        messaging.markRead(MarkReadCommand.parse(andrew, group.toString(), one.id().toString()));
        assertThat(takeRequests()).as("up to a message: whose it is, its id item and itself, the rows, what is left unread, the write")
                .containsExactly("BatchGetItem", "GetItem", "GetItem", "Query", "Query", "TransactWriteItems");
        messaging.markRead(MarkReadCommand.parse(andrew, group.toString(), null));
        assertThat(takeRequests()).as("everything: the newest message, the rows, the write")
                .containsExactly("Query", "Query", "TransactWriteItems");
        messaging.markRead(MarkReadCommand.parse(andrew, group.toString(), null));
        assertThat(takeRequests()).as("again: nothing to write").containsExactly("Query", "Query");

        Message three = messaging.sendMessage(SendMessageCommand.parse(bayko, group.toString(), "three", null));
        takeRequests();
        messaging.refreshMessageGroups(List.of(three));
        assertThat(takeRequests()).as("pattern E in the process that marked read knows the row as rewritten")
                .containsExactly("Query", "TransactWriteItems");
    }

    private List<String> takeRequests() {
        List<String> taken = List.copyOf(requests);
        requests.clear();
        return taken;
    }

    private User register(String handle) {
        return directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty())).user();
    }
}
