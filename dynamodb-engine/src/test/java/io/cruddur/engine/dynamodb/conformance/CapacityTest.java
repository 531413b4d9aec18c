package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** ReturnConsumedCapacity by AWS's documented rules: 1 KB write units, 4 KB read units, halves, doubles, indexes. */
class CapacityTest {
    private final DynamoDbClient dynamo = Target.dynamo();

    private String tableWithIndex() {
        String name = Target.tableName();
        return Target.create(CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S), Target.definition("g", ScalarAttributeType.S))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-g")
                        .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build());
    }

    private static Map<String, AttributeValue> itemOfSize(String pk, int fillerBytes, String g) {
        var item = new java.util.HashMap<String, AttributeValue>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("f", AttributeValue.fromS("x".repeat(fillerBytes)));
        if (g != null) {
            item.put("g", AttributeValue.fromS(g));
        }
        return item;
    }

    @Test
    void a_write_costs_one_unit_per_started_kilobyte_and_its_index_as_much_again() {
        String table = tableWithIndex();
        ConsumedCapacity small = dynamo.putItem(b -> b.tableName(table).item(itemOfSize("a", 100, null))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(small.capacityUnits()).isEqualTo(1.0);
        ConsumedCapacity large = dynamo.putItem(b -> b.tableName(table).item(itemOfSize("b", 2500, null))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(large.capacityUnits()).isEqualTo(3.0);
        ConsumedCapacity indexed = dynamo.putItem(b -> b.tableName(table).item(itemOfSize("c", 100, "x"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertThat(indexed.capacityUnits()).isEqualTo(2.0);
        assertThat(indexed.table().capacityUnits()).isEqualTo(1.0);
        assertThat(indexed.globalSecondaryIndexes().get("by-g").capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void a_read_costs_one_unit_per_started_4_kb_and_half_when_eventually_consistent() {
        String table = Target.table(null);
        dynamo.putItem(b -> b.tableName(table).item(itemOfSize("r", 5000, null)));
        ConsumedCapacity strong = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("r")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(strong.capacityUnits()).isEqualTo(2.0);
        ConsumedCapacity eventual = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("r")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(eventual.capacityUnits()).isEqualTo(1.0);
        ConsumedCapacity missing = dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("none")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(missing.capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void a_transaction_costs_twice_per_item_and_lists_every_table() {
        String first = Target.table(null);
        String second = Target.table(null);
        var consumed = dynamo.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(first).item(itemOfSize("t1", 10, null))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(first).item(itemOfSize("t2", 10, null))).build(),
                TransactWriteItem.builder().put(p -> p.tableName(second).item(itemOfSize("t3", 10, null))).build()))
                .consumedCapacity();
        assertThat(consumed).extracting(ConsumedCapacity::tableName).containsExactlyInAnyOrder(first, second);
        assertThat(consumed).filteredOn(c -> c.tableName().equals(first)).singleElement()
                .satisfies(c -> assertThat(c.capacityUnits()).isEqualTo(4.0));
    }

    @Test
    void a_query_rounds_the_whole_page_up_once() {
        String table = Target.table(ScalarAttributeType.S);
        for (int i = 0; i < 10; i++) {
            int n = i;
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("q"),
                    "sk", AttributeValue.fromS("s" + n), "f", AttributeValue.fromS("x".repeat(1000)))));
        }
        ConsumedCapacity page = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p").consistentRead(true)
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("q")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
        assertThat(page.capacityUnits()).isEqualTo(3.0);
    }
}
