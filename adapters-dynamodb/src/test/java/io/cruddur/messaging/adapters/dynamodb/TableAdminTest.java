package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.NewConversation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableAdminTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();

    private final DynamoDbClient dynamo = LOCAL.dynamo();
    private final TableAdmin admin = new TableAdmin(dynamo);
    private final String table = "admin-" + UUID.randomUUID();

    @Test
    void a_created_table_is_active_with_the_index_and_the_stream_and_a_second_create_is_reported() {
        assertThat(admin.createTable(table, TableAdmin.Billing.ON_DEMAND, false)).isEqualTo(TableAdmin.CreateOutcome.CREATED);
        assertThat(admin.createTable(table, TableAdmin.Billing.ON_DEMAND, false))
                .isEqualTo(TableAdmin.CreateOutcome.ALREADY_EXISTS);

        TableDescription description = describe(table);
        assertThat(description.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(description.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(description.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("message-group-sk-index");
            assertThat(index.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(admin.listTables()).contains(table);
    }

    @Test
    void provisioned_billing_gives_five_read_and_five_write_units() {
        admin.createTable(table, TableAdmin.Billing.PROVISIONED_5, false);

        TableDescription description = describe(table);
        assertThat(description.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(description.provisionedThroughput().writeCapacityUnits()).isEqualTo(5);
        assertThat(description.billingModeSummary() == null
                || description.billingModeSummary().billingMode() == BillingMode.PROVISIONED).isTrue();
    }

    @Test
    void dropping_refuses_a_protected_table_and_reports_a_missing_one() {
        admin.createTable(table, TableAdmin.Billing.ON_DEMAND, true);
        String unprotected = table + "-open";
        admin.createTable(unprotected, TableAdmin.Billing.ON_DEMAND, false);

        assertThat(admin.dropTable(table)).isEqualTo(TableAdmin.DropOutcome.DELETION_PROTECTED);
        assertThat(admin.listTables()).contains(table);
        assertThat(admin.dropTable(unprotected)).isEqualTo(TableAdmin.DropOutcome.DROPPED);
        assertThat(admin.listTables()).doesNotContain(unprotected);
        assertThat(admin.dropTable(unprotected)).isEqualTo(TableAdmin.DropOutcome.NOT_FOUND);
    }

    @Test
    void a_scan_hands_over_every_item_page_by_page() {
        admin.createTable(table, TableAdmin.Billing.ON_DEMAND, false);
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(dynamo, table);
        User andrew = Fixtures.user("andrew");
        port.startConversation(new NewConversation(andrew, Fixtures.user("bayko"),
                Fixtures.message(Fixtures.newGroup(), andrew, "hello", Fixtures.T0)));
        List<TableAdmin.ScanPage> pages = new ArrayList<>();

        long items = admin.scan(table, 2, pages::add);

        assertThat(items).as("pair, message id, message, the group's latest and two group rows").isEqualTo(6);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3).allSatisfy(page -> assertThat(page.items()).hasSizeLessThanOrEqualTo(2));
        assertThat(pages.stream().flatMap(page -> page.items().stream()))
                .anySatisfy(item -> assertThat(item).containsEntry("message", "hello").containsKey("sk"));
    }

    @Test
    void pattern_reports_show_rows_and_the_capacity_they_consumed() {
        admin.createTable(table, TableAdmin.Billing.ON_DEMAND, false);
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(dynamo, table);
        User andrew = Fixtures.user("andrew");
        Message hello = Fixtures.message(Fixtures.newGroup(), andrew, "hello", Fixtures.T0);
        port.startConversation(new NewConversation(andrew, Fixtures.user("bayko"), hello));
        port.appendMessage(Fixtures.message(hello.groupId(), andrew, "again", Fixtures.T0.plusSeconds(1)));
        PatternReports reports = new PatternReports(dynamo, table);

        PatternReports.Report<Message> conversation = reports.conversation(hello.groupId(), 10);
        PatternReports.Report<MessageGroupRow> groups = reports.conversations(andrew.id(), 10);

        assertThat(conversation.items()).extracting(message -> message.text().value()).containsExactly("again", "hello");
        assertThat(conversation.capacityUnits()).isPositive();
        assertThat(groups.items()).hasSize(1);
        assertThat(groups.capacityUnits()).isPositive();
    }

    private TableDescription describe(String name) {
        return dynamo.describeTable(request -> request.tableName(name)).table();
    }
}
