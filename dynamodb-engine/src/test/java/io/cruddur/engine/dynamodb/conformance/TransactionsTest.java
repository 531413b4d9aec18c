package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** TransactWriteItems, TransactGetItems, BatchWriteItem and BatchGetItem. */
class TransactionsTest {
    private final DynamoDbClient dynamo = Target.dynamo();
    private final String table = Target.table(null);

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private TransactWriteItem put(String pk, String condition) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(key(pk)).conditionExpression(condition)).build();
    }

    @Test
    void a_transaction_writes_all_its_items_together() {
        dynamo.transactWriteItems(b -> b.transactItems(put("t1", null), put("t2", null),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(key("t3"))
                        .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))).build()));
        var read = dynamo.transactGetItems(b -> b.transactItems(List.of(
                TransactGetItem.builder().get(g -> g.tableName(table).key(key("t1"))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(key("missing"))).build(),
                TransactGetItem.builder().get(g -> g.tableName(table).key(key("t3"))).build())));
        assertThat(read.responses().get(0).item()).isEqualTo(key("t1"));
        assertThat(read.responses().get(1).hasItem()).isFalse();
        assertThat(read.responses().get(2).item().get("n").n()).isEqualTo("1");
    }

    @Test
    void one_failed_condition_cancels_everything_with_a_reason_per_action() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("taken"), "v", AttributeValue.fromS("old"))));
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(put("fresh", null),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(key("taken"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled -> {
                    assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(cancelled.cancellationReasons().get(1).item().get("v").s()).isEqualTo("old");
                    assertThat(cancelled.getMessage()).contains("[None, ConditionalCheckFailed]");
                });
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("fresh"))).hasItem()).isFalse();
    }

    @Test
    void the_first_invalid_action_cancels_the_transaction_and_those_after_it_are_not_looked_at() {
        TransactWriteItem wrongKeyType = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("pk", AttributeValue.fromN("7")))).build();
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(wrongKeyType, wrongKeyType.toBuilder()
                .put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromN("8")))).build(),
                put("never-checked", "attribute_exists(pk)"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, cancelled -> assertThat(
                        cancelled.cancellationReasons()).extracting(CancellationReason::code)
                        .containsExactly("ValidationError", "None", "None"));
    }

    @Test
    void two_actions_on_one_item_are_refused() {
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(put("same", null), put("same", null))))
                .hasMessageContaining("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void more_than_100_actions_are_refused() {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            actions.add(put("many-" + i, null));
        }
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(actions))).hasMessageContaining("100");
        dynamo.transactWriteItems(b -> b.transactItems(actions.subList(0, 100)));
    }

    @Test
    void a_repeated_client_request_token_applies_once_and_refuses_a_different_payload() {
        dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(TransactWriteItem.builder()
                .update(u -> u.tableName(table).key(key("idem")).updateExpression("ADD n :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build()));
        dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(TransactWriteItem.builder()
                .update(u -> u.tableName(table).key(key("idem")).updateExpression("ADD n :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build()));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("idem"))).item().get("n").n()).isEqualTo("1");
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.clientRequestToken("token-1")
                .transactItems(put("idem-other", null)))).isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void a_condition_check_writes_nothing_but_can_cancel() {
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(put("checked", null),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key("absent"))
                        .conditionExpression("attribute_exists(pk)")).build())))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("absent"))).hasItem()).isFalse();
    }

    @Test
    void a_batch_write_reports_no_unprocessed_items_and_a_batch_get_finds_them() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(key("batch-" + i)).build()).build());
        }
        BatchWriteItemResponse written = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        assertThat(written.unprocessedItems()).isEmpty();
        var read = dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder()
                .keys(List.of(key("batch-0"), key("batch-24"), key("batch-missing"))).build())));
        assertThat(read.responses().get(table)).hasSize(2);
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    @Test
    void a_batch_with_duplicate_keys_or_over_25_writes_is_refused_whole() {
        WriteRequest same = WriteRequest.builder().putRequest(PutRequest.builder().item(key("dup")).build()).build();
        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(same, same)))))
                .hasMessageContaining("duplicates");
        List<WriteRequest> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(WriteRequest.builder().putRequest(PutRequest.builder().item(key("over-" + i)).build()).build());
        }
        assertThatThrownBy(() -> dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, many))))
                .hasMessageContaining("25");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("over-0"))).hasItem()).isFalse();
    }
}
