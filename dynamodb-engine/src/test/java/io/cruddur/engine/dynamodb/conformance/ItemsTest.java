package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, UpdateItem and DeleteItem, with conditions and return values, as AWS documents them. */
class ItemsTest {
    private final DynamoDbClient dynamo = Target.dynamo();
    private final String table = Target.table(ScalarAttributeType.S);

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, Map<String, AttributeValue> rest) {
        var item = new java.util.HashMap<>(key(pk, sk));
        item.putAll(rest);
        return item;
    }

    @Test
    void every_type_comes_back_as_it_was_stored() {
        Map<String, AttributeValue> stored = item("types", "1", Map.of(
                "s", AttributeValue.fromS("text é 😀"),
                "n", AttributeValue.fromN("3.1415926535897932384626433832795028841"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})),
                "bool", AttributeValue.fromBool(true),
                "null", AttributeValue.fromNul(true),
                "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1"))),
                "m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromS("y"))),
                "empty", AttributeValue.fromS("")));
        dynamo.putItem(b -> b.tableName(table).item(stored));
        Map<String, AttributeValue> read = dynamo.getItem(b -> b.tableName(table).key(key("types", "1")).consistentRead(true)).item();
        assertThat(read).isEqualTo(stored);
    }

    @Test
    void numbers_lose_trailing_zeros_but_keep_38_digits() {
        dynamo.putItem(b -> b.tableName(table).item(item("numbers", "1", Map.of(
                "trailing", AttributeValue.fromN("1.500"), "big", AttributeValue.fromN("12345678901234567890123456789012345678")))));
        var read = dynamo.getItem(b -> b.tableName(table).key(key("numbers", "1"))).item();
        assertThat(read.get("trailing").n()).isEqualTo("1.5");
        assertThat(read.get("big").n()).isEqualTo("12345678901234567890123456789012345678");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("numbers", "2",
                Map.of("n", AttributeValue.fromN("123456789012345678901234567890123456789"))))))
                .hasMessageContaining("38 significant digits");
    }

    @Test
    void removing_from_an_item_that_does_not_exist_writes_nothing_and_checks_no_path() {
        dynamo.updateItem(b -> b.tableName(table).key(key("never", "1")).updateExpression("REMOVE x.y, z[0]"));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("never", "1")).consistentRead(true)).hasItem()).isFalse();
        dynamo.putItem(b -> b.tableName(table).item(key("present", "1")));
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(key("present", "1")).updateExpression("REMOVE x.y")))
                .hasMessageContaining("The document path provided in the update expression is invalid for update");
    }

    @Test
    void a_missing_item_reads_as_no_item_at_all() {
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("nobody", "1"))).hasItem()).isFalse();
    }

    @Test
    void a_key_that_does_not_match_the_schema_is_refused() {
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("a")))))
                .hasMessageContaining("The provided key element does not match the schema");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("1"))))).hasMessageContaining("Type mismatch for key sk expected: S actual: N");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("a")))))
                .hasMessageContaining("Missing the key sk in the item");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(key("", "1"))))
                .hasMessageContaining("empty string");
    }

    @Test
    void an_item_over_400_kb_is_refused() {
        String big = "x".repeat(400 * 1024);
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("big", "1", Map.of("v", AttributeValue.fromS(big))))))
                .hasMessageContaining("Item size has exceeded the maximum allowed size");
    }

    @Test
    void a_put_replaces_the_whole_item_and_can_return_the_old_one() {
        dynamo.putItem(b -> b.tableName(table).item(item("replace", "1", Map.of("a", AttributeValue.fromS("first")))));
        var response = dynamo.putItem(b -> b.tableName(table).returnValues(ReturnValue.ALL_OLD)
                .item(item("replace", "1", Map.of("b", AttributeValue.fromS("second")))));
        assertThat(response.attributes().get("a").s()).isEqualTo("first");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("replace", "1"))).item()).doesNotContainKey("a");
    }

    @Test
    void a_failed_condition_changes_nothing_and_returns_the_old_item_when_asked() {
        dynamo.putItem(b -> b.tableName(table).item(item("cond", "1", Map.of("v", AttributeValue.fromN("1")))));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("cond", "1", Map.of()))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, failed -> {
                    assertThat(failed.hasItem()).isTrue();
                    assertThat(failed.item().get("v").n()).isEqualTo("1");
                });
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("cond", "1"))).item().get("v").n()).isEqualTo("1");
    }

    @Test
    void update_creates_a_missing_item_and_answers_each_kind_of_return_value() {
        UpdateItemResponse created = dynamo.updateItem(b -> b.tableName(table).key(key("upd", "1"))
                .updateExpression("SET #c = if_not_exists(#c, :zero) + :one, tags = :tags")
                .expressionAttributeNames(Map.of("#c", "counter"))
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":one", AttributeValue.fromN("1"),
                        ":tags", AttributeValue.fromSs(List.of("a"))))
                .returnValues(ReturnValue.ALL_NEW));
        assertThat(created.attributes().get("counter").n()).isEqualTo("1");
        UpdateItemResponse updatedOld = dynamo.updateItem(b -> b.tableName(table).key(key("upd", "1"))
                .updateExpression("ADD #c :one REMOVE tags")
                .expressionAttributeNames(Map.of("#c", "counter"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_OLD));
        assertThat(updatedOld.attributes()).containsOnlyKeys("counter", "tags");
        assertThat(updatedOld.attributes().get("counter").n()).isEqualTo("1");
        UpdateItemResponse updatedNew = dynamo.updateItem(b -> b.tableName(table).key(key("upd", "1"))
                .updateExpression("SET extra = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromS("x")))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updatedNew.attributes()).containsOnlyKeys("extra");
    }

    @Test
    void an_update_that_only_removes_does_not_create_an_item() {
        dynamo.updateItem(b -> b.tableName(table).key(key("ghost", "1")).updateExpression("REMOVE a"));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("ghost", "1"))).hasItem()).isFalse();
    }

    @Test
    void an_update_of_a_key_attribute_is_refused() {
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(key("k", "1")).updateExpression("SET sk = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("2")))))
                .hasMessageContaining("This attribute is part of the key");
    }

    @Test
    void unused_placeholders_are_refused() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(key("p", "1"))
                .conditionExpression("attribute_not_exists(pk)")
                .expressionAttributeValues(Map.of(":unused", AttributeValue.fromS("x")))))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("unused");
    }

    @Test
    void legacy_expected_and_attribute_updates_work_as_the_kcl_uses_them() {
        dynamo.updateItem(b -> b.tableName(table).key(key("lease", "1"))
                .attributeUpdates(Map.of("owner", AttributeValueUpdate.builder().value(AttributeValue.fromS("w1"))
                        .action("PUT").build()))
                .expected(Map.of("owner", ExpectedAttributeValue.builder().exists(false).build())));
        dynamo.updateItem(b -> b.tableName(table).key(key("lease", "1"))
                .attributeUpdates(Map.of("counter", AttributeValueUpdate.builder().value(AttributeValue.fromN("5"))
                        .action("ADD").build(), "owner", AttributeValueUpdate.builder().action("DELETE").build()))
                .expected(Map.of("owner", ExpectedAttributeValue.builder().value(AttributeValue.fromS("w1")).build())));
        var read = dynamo.getItem(b -> b.tableName(table).key(key("lease", "1"))).item();
        assertThat(read).containsKey("counter").doesNotContainKey("owner");
        assertThatThrownBy(() -> dynamo.deleteItem(b -> b.tableName(table).key(key("lease", "1"))
                .expected(Map.of("owner", ExpectedAttributeValue.builder().value(AttributeValue.fromS("w1")).build()))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void delete_returns_the_old_item_when_asked() {
        dynamo.putItem(b -> b.tableName(table).item(item("del", "1", Map.of("v", AttributeValue.fromS("x")))));
        var deleted = dynamo.deleteItem(b -> b.tableName(table).key(key("del", "1")).returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes().get("v").s()).isEqualTo("x");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("del", "1"))).hasItem()).isFalse();
    }

    @Test
    void a_projection_returns_only_the_paths_asked_for() {
        dynamo.putItem(b -> b.tableName(table).item(item("proj", "1", Map.of(
                "a", AttributeValue.fromS("x"), "m", AttributeValue.fromM(Map.of("in", AttributeValue.fromS("y"),
                        "out", AttributeValue.fromS("z")))))));
        var read = dynamo.getItem(b -> b.tableName(table).key(key("proj", "1")).projectionExpression("a, m.#in")
                .expressionAttributeNames(Map.of("#in", "in"))).item();
        assertThat(read).containsOnlyKeys("a", "m");
        assertThat(read.get("m").m()).containsOnlyKeys("in");
    }
}
