package io.cruddur.engine.dynamodb.expressions;

import static io.cruddur.engine.dynamodb.expressions.TestValues.item;
import static io.cruddur.engine.dynamodb.expressions.TestValues.n;
import static io.cruddur.engine.dynamodb.expressions.TestValues.names;
import static io.cruddur.engine.dynamodb.expressions.TestValues.s;
import static io.cruddur.engine.dynamodb.expressions.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.engine.dynamodb.expressions.SortKeyCondition.Operator;
import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionTest {
    private static final Map<String, Value> VALUES =
            values(":pk", s("p1"), ":a", n("1"), ":b", n("5"), ":s", s("pre"), ":other", s("p2"));

    private static KeyCondition parse(String expression) {
        return KeyCondition.parse(expression, new ExpressionContext(names("#pk", "pk", "#sk", "sk"), VALUES));
    }

    private static KeyCondition keyed(String expression) {
        return parse(expression).validate("pk", "sk");
    }

    private static String refusal(String expression) {
        try {
            parse(expression);
        } catch (ApiException refused) {
            assertThat(refused.errorType()).isEqualTo("ValidationException");
            return refused.getMessage();
        }
        throw new AssertionError("the expression was accepted: " + expression);
    }

    private static String schemaRefusal(String expression, String hash, String range) {
        KeyCondition condition = parse(expression);
        try {
            condition.validate(hash, range);
        } catch (ApiException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("the expression was accepted: " + expression);
    }

    @Test
    void a_partition_key_equality_alone_is_a_key_condition() {
        KeyCondition condition = keyed("pk = :pk");
        assertThat(condition.partitionKeyName()).isEqualTo("pk");
        assertThat(condition.partitionKeyValue()).isEqualTo(s("p1"));
        assertThat(condition.sortKey()).isEmpty();
    }

    @Test
    void a_sort_key_condition_may_follow_with_and() {
        KeyCondition condition = keyed("#pk = :pk AND #sk BETWEEN :a AND :b");
        assertThat(condition.sortKey()).contains(new SortKeyCondition(Operator.BETWEEN, "sk", List.of(n("1"), n("5"))));
    }

    @Test
    void the_sort_key_condition_may_come_first() {
        KeyCondition condition = keyed("begins_with(sk, :s) AND pk = :pk");
        assertThat(condition.partitionKeyName()).isEqualTo("pk");
        assertThat(condition.sortKey()).contains(new SortKeyCondition(Operator.BEGINS_WITH, "sk", List.of(s("pre"))));
    }

    @Test
    void each_comparator_becomes_its_operator() {
        assertThat(keyed("pk = :pk AND sk < :a").sortKey().orElseThrow().operator()).isEqualTo(Operator.LT);
        assertThat(keyed("pk = :pk AND sk <= :a").sortKey().orElseThrow().operator()).isEqualTo(Operator.LE);
        assertThat(keyed("pk = :pk AND sk > :a").sortKey().orElseThrow().operator()).isEqualTo(Operator.GT);
        assertThat(keyed("pk = :pk AND sk >= :a").sortKey().orElseThrow().operator()).isEqualTo(Operator.GE);
        assertThat(keyed("pk = :pk AND sk = :a").sortKey().orElseThrow().operator()).isEqualTo(Operator.EQ);
    }

    @Test
    void a_value_on_the_left_turns_the_comparison_around() {
        SortKeyCondition sortKey = keyed(":pk = pk AND :a < sk").sortKey().orElseThrow();
        assertThat(sortKey).isEqualTo(new SortKeyCondition(Operator.GT, "sk", List.of(n("1"))));
        assertThat(keyed(":pk = pk").partitionKeyValue()).isEqualTo(s("p1"));
    }

    @Test
    void or_not_in_and_not_equal_are_refused() {
        assertThat(refusal("pk = :pk OR pk = :other")).isEqualTo("Invalid operator used in KeyConditionExpression: OR");
        assertThat(refusal("NOT pk = :pk")).isEqualTo("Invalid operator used in KeyConditionExpression: NOT");
        assertThat(refusal("pk IN (:pk, :other)")).isEqualTo("Invalid operator used in KeyConditionExpression: IN");
        assertThat(refusal("pk <> :pk")).isEqualTo("Invalid operator used in KeyConditionExpression: <>");
    }

    @Test
    void condition_functions_other_than_begins_with_are_refused() {
        assertThat(refusal("attribute_exists(pk)"))
                .isEqualTo("Invalid operator used in KeyConditionExpression: attribute_exists");
        assertThat(refusal("pk = :pk AND contains(sk, :s)"))
                .isEqualTo("Invalid operator used in KeyConditionExpression: contains");
    }

    @Test
    void size_is_refused_as_a_nested_operation() {
        assertThat(refusal("size(pk) = :a")).isEqualTo("KeyConditionExpressions cannot contain nested operations");
    }

    @Test
    void two_conditions_on_one_key_are_refused() {
        assertThat(refusal("pk = :pk AND pk = :other"))
                .isEqualTo("KeyConditionExpressions must only contain one condition per key");
        assertThat(refusal("pk = :pk AND sk >= :a AND sk <= :b"))
                .isEqualTo("KeyConditionExpressions must only contain one condition per key");
    }

    @Test
    void more_than_two_conditions_are_refused() {
        assertThat(refusal("pk = :pk AND sk = :a AND extra = :b")).isEqualTo("Conditions can be of length 1 or 2 only");
    }

    @Test
    void nested_attributes_are_refused() {
        assertThat(refusal("pk.x = :pk")).isEqualTo("KeyConditionExpressions cannot have conditions on nested attributes");
    }

    @Test
    void a_condition_needs_exactly_one_attribute() {
        assertThat(refusal("pk = sk"))
                .isEqualTo("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertThat(refusal(":pk = :other"))
                .isEqualTo("Invalid condition in KeyConditionExpression: No key attribute specified");
    }

    @Test
    void the_key_must_come_first_in_between_and_begins_with() {
        assertThat(refusal("pk = :pk AND :a BETWEEN sk AND :b")).isEqualTo(
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its "
                        + "first operand");
        assertThat(refusal("pk = :pk AND begins_with(:s, sk)")).isEqualTo(
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as "
                        + "its first operand");
    }

    @Test
    void expression_errors_name_the_key_condition_parameter() {
        assertThat(refusal("pk = :pk AND")).isEqualTo(
                "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
        assertThat(refusal("pk = :pk AND begins_with(sk, :a)")).isEqualTo(
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: begins_with, operand type: N");
    }

    @Test
    void a_missing_partition_key_is_refused_against_the_schema() {
        assertThat(schemaRefusal("sk = :a", "pk", "sk")).isEqualTo("Query condition missed key schema element: pk");
    }

    @Test
    void a_condition_on_an_attribute_outside_the_key_is_refused() {
        assertThat(schemaRefusal("pk = :pk AND extra = :a", "pk", "sk"))
                .isEqualTo("Query condition missed key schema element: sk");
        assertThat(schemaRefusal("pk = :pk AND sk = :a", "pk", null)).isEqualTo("Query key condition not supported");
    }

    @Test
    void the_partition_key_takes_only_equality() {
        assertThat(schemaRefusal("pk > :pk", "pk", "sk")).isEqualTo("Query key condition not supported");
        assertThat(schemaRefusal("begins_with(pk, :s)", "pk", "sk")).isEqualTo("Query key condition not supported");
    }

    @Test
    void the_roles_are_known_only_after_validation() {
        KeyCondition parsed = parse("pk = :pk AND sk = :a");
        assertThat(parsed.conditions()).extracting(SortKeyCondition::attributeName).containsExactly("pk", "sk");
        assertThatThrownBy(parsed::partitionKeyName).isInstanceOf(IllegalStateException.class);
    }
}
