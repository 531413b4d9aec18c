package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** CreateTable, DescribeTable, UpdateTable, DeleteTable, ListTables, time to live and tags, as AWS documents them. */
class TablesTest {
    private final DynamoDbClient dynamo = Target.dynamo();

    @Test
    void a_new_table_describes_its_key_billing_arn_and_counts() {
        String name = Target.table(ScalarAttributeType.S);
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
        assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(table.tableArn()).matches("arn:aws:dynamodb:[a-z0-9-]+:\\d{12}:table/" + name);
        assertThat(table.tableId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(table.itemCount()).isZero();
        assertThat(table.creationDateTime()).isNotNull();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isZero();
    }

    @Test
    void creating_a_table_that_exists_is_refused_as_in_use() {
        String name = Target.table(null);
        assertThatThrownBy(() -> Target.create(CreateTableRequest.builder().tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S)).build()))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void a_key_attribute_without_its_definition_is_refused() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(Target.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("other", ScalarAttributeType.S))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(error -> assertThat(((DynamoDbException) error).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }

    @Test
    void provisioned_billing_requires_throughput_and_on_demand_refuses_it() {
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(Target.tableName())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S))))
                .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified");
        assertThatThrownBy(() -> dynamo.createTable(b -> b.tableName(Target.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S))))
                .hasMessageContaining("when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void table_names_are_checked_before_anything_else() {
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("ab")))
                .hasMessageContaining("Member must have length greater than or equal to 3");
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("no!such!table")
                .key(Map.of("pk", AttributeValue.fromS("x")))))
                .hasMessageContaining("regular expression pattern");
    }

    @Test
    void an_unknown_table_is_not_found() {
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("no-such-table-here")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName("no-such-table-here")
                .key(Map.of("pk", AttributeValue.fromS("x")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void list_tables_pages_by_the_last_name_returned() {
        List<String> created = List.of(Target.table(null), Target.table(null), Target.table(null));
        List<String> seen = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            ListTablesResponse page = dynamo.listTables(b -> b.limit(2).exclusiveStartTableName(from));
            assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.tableNames());
            start = page.lastEvaluatedTableName();
        } while (start != null);
        assertThat(seen).containsAll(created).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_deleted_table_is_gone() {
        String name = Target.table(null);
        assertThat(dynamo.deleteTable(b -> b.tableName(name)).tableDescription().tableName()).isEqualTo(name);
        dynamo.waiter().waitUntilTableNotExists(b -> b.tableName(name));
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName(name))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void deletion_protection_keeps_a_table_until_it_is_lifted() {
        String name = Target.tableName();
        Target.create(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .deletionProtectionEnabled(true)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S)).build());
        assertThatThrownBy(() -> dynamo.deleteTable(b -> b.tableName(name))).hasMessageContaining("protected against deletion");
        dynamo.updateTable(b -> b.tableName(name).deletionProtectionEnabled(false));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        dynamo.deleteTable(b -> b.tableName(name));
    }

    @Test
    void a_stream_has_a_well_formed_arn_and_label() {
        String name = Target.tableName();
        Target.create(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build());
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(table.latestStreamLabel()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
        assertThat(table.latestStreamArn()).isEqualTo(table.tableArn() + "/stream/" + table.latestStreamLabel());
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    }

    @Test
    void a_stream_enabled_later_and_disabled_again_keeps_its_arn_but_loses_its_specification() {
        String name = Target.table(null);
        dynamo.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        String arn = dynamo.describeTable(b -> b.tableName(name)).table().latestStreamArn();
        assertThat(arn).isNotNull();
        assertThatThrownBy(() -> dynamo.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY)))).hasMessageContaining("already has an enabled stream");
        dynamo.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(false)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
        assertThat(table.streamSpecification()).isNull();
        assertThat(table.latestStreamArn()).isEqualTo(arn);
    }

    @Test
    void a_global_index_added_later_is_backfilled_with_the_items_already_there() {
        String name = Target.table(null);
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("a"), "colour", AttributeValue.fromS("red"))));
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("b"))));
        dynamo.updateTable(b -> b.tableName(name)
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S),
                        Target.definition("colour", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-colour")
                        .keySchema(KeySchemaElement.builder().attributeName("colour").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build()));
        awaitIndex(name, "by-colour");
        var found = dynamo.query(b -> b.tableName(name).indexName("by-colour").keyConditionExpression("colour = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("red"))));
        assertThat(found.items()).extracting(item -> item.get("pk").s()).containsExactly("a");
    }

    @Test
    void a_backfill_leaves_out_items_whose_index_key_could_not_have_been_written() {
        String name = Target.table(null);
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("fits"), "colour", AttributeValue.fromS("red"))));
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("empty"), "colour", AttributeValue.fromS(""))));
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("too-long"),
                "colour", AttributeValue.fromS("r".repeat(2049)))));
        dynamo.putItem(b -> b.tableName(name).item(Map.of("pk", AttributeValue.fromS("number"), "colour", AttributeValue.fromN("1"))));
        dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(Target.definition("colour", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-colour")
                        .keySchema(KeySchemaElement.builder().attributeName("colour").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())).build()));
        awaitIndex(name, "by-colour");
        assertThat(dynamo.scan(b -> b.tableName(name).indexName("by-colour")).items())
                .extracting(item -> item.get("pk").s()).containsExactly("fits");
    }

    @Test
    void index_updates_do_one_thing_each_and_at_most_one_index_is_added_or_dropped_at_a_time() {
        String name = Target.table(null);
        GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("by-x")
                .keySchema(KeySchemaElement.builder().attributeName("x").keyType(KeyType.HASH).build())
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build();
        assertThatThrownBy(() -> dynamo.updateTable(b -> b.tableName(name).globalSecondaryIndexUpdates(List.of())))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("At least one of");
        assertThatThrownBy(() -> dynamo.updateTable(b -> b.tableName(name).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build())
                .attributeDefinitions(Target.definition("x", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(create, create.toBuilder().create(c -> c.indexName("by-x-again")
                        .keySchema(KeySchemaElement.builder().attributeName("x").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build())))
                .isInstanceOf(LimitExceededException.class);
        assertThat(dynamo.describeTable(b -> b.tableName(name)).table().billingModeSummary().billingMode())
                .as("a refused update changes nothing").isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThatThrownBy(() -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(Target.definition("x", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(create.toBuilder().delete(d -> d.indexName("by-y")).build())))
                .hasMessageContaining("one and only one of Create, Update or Delete");
        assertThatThrownBy(() -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(Target.definition("x", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(create, create.toBuilder().create(c -> c.indexName("by-x-again")
                        .keySchema(KeySchemaElement.builder().attributeName("x").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build())))
                .isInstanceOf(LimitExceededException.class);
        dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(Target.definition("x", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(create));
        awaitIndex(name, "by-x");
        assertThatThrownBy(() -> dynamo.updateTable(b -> b.tableName(name).attributeDefinitions(Target.definition("x", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(create.toBuilder().create(c -> c.indexName("by-x-as-text")
                        .keySchema(KeySchemaElement.builder().attributeName("x").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())).build())))
                .hasMessageContaining("Attributes cannot be redefined");
    }

    @Test
    void time_to_live_is_described_as_it_was_set_and_cannot_be_enabled_twice() {
        String name = Target.table(null);
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.DISABLED);
        dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
        var description = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
        assertThat(description.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        assertThat(description.attributeName()).isEqualTo("expires");
        assertThatThrownBy(() -> dynamo.updateTimeToLive(b -> b.tableName(name)
                .timeToLiveSpecification(s -> s.attributeName("expires").enabled(true))))
                .hasMessageContaining("TimeToLive is already enabled");
    }

    @Test
    void tags_are_added_listed_and_removed_by_the_table_arn() {
        String name = Target.table(null);
        String arn = dynamo.describeTable(b -> b.tableName(name)).table().tableArn();
        dynamo.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("team").value("chat").build(),
                Tag.builder().key("stage").value("test").build()));
        dynamo.untagResource(b -> b.resourceArn(arn).tagKeys("stage"));
        assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("chat").build());
    }

    private void awaitIndex(String table, String index) {
        for (int attempt = 0; attempt < 600; attempt++) {
            TableDescription description = dynamo.describeTable(b -> b.tableName(table)).table();
            boolean active = description.tableStatus() == TableStatus.ACTIVE && description.globalSecondaryIndexes().stream()
                    .anyMatch(gsi -> gsi.indexName().equals(index) && gsi.indexStatus() == IndexStatus.ACTIVE);
            if (active) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("index " + index + " never became active");
    }
}
