package io.cruddur.engine.dynamodb.expressions;

import static io.cruddur.engine.dynamodb.expressions.TestValues.b;
import static io.cruddur.engine.dynamodb.expressions.TestValues.bool;
import static io.cruddur.engine.dynamodb.expressions.TestValues.bs;
import static io.cruddur.engine.dynamodb.expressions.TestValues.item;
import static io.cruddur.engine.dynamodb.expressions.TestValues.l;
import static io.cruddur.engine.dynamodb.expressions.TestValues.m;
import static io.cruddur.engine.dynamodb.expressions.TestValues.n;
import static io.cruddur.engine.dynamodb.expressions.TestValues.names;
import static io.cruddur.engine.dynamodb.expressions.TestValues.ns;
import static io.cruddur.engine.dynamodb.expressions.TestValues.s;
import static io.cruddur.engine.dynamodb.expressions.TestValues.ss;
import static io.cruddur.engine.dynamodb.expressions.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateTest {

    private static Map<String, Value> apply(String expression, Map<String, Value> item, Map<String, Value> values) {
        return Update.parse(expression, new ExpressionContext(null, values)).apply(item);
    }

    private static String refusal(String expression, Map<String, String> names, Map<String, Value> values) {
        try {
            Update.parse(expression, new ExpressionContext(names, values));
        } catch (ApiException refused) {
            assertThat(refused.errorType()).isEqualTo("ValidationException");
            return refused.getMessage();
        }
        throw new AssertionError("the expression was accepted: " + expression);
    }

    private static String refusal(String expression, Map<String, Value> values) {
        return refusal(expression, null, values);
    }

    private static String applyRefusal(String expression, Map<String, Value> item, Map<String, Value> values) {
        Update update = Update.parse(expression, new ExpressionContext(null, values));
        try {
            update.apply(item);
        } catch (ApiException refused) {
            assertThat(refused.errorType()).isEqualTo("ValidationException");
            return refused.getMessage();
        }
        throw new AssertionError("the update applied: " + expression);
    }

    // ------------------------------------------------------------ SET

    @Test
    void list_append_takes_if_not_exists_but_not_another_list_append() {
        assertThat(apply("SET a = list_append(if_not_exists(a, :empty), :more)", item(),
                values(":empty", l(), ":more", l(s("x"))))).isEqualTo(item("a", l(s("x"))));
        assertThat(refusal("SET a = list_append(list_append(:one, :two), :three)",
                values(":one", l(s("a")), ":two", l(s("b")), ":three", l(s("c")))))
                .isEqualTo("Invalid UpdateExpression: The function is not allowed to be used this way in an expression; "
                        + "function: list_append");
    }

    @Test
    void set_writes_top_level_and_nested_attributes() {
        Map<String, Value> item = item("pk", s("k"), "m", m("x", n("1")));
        Map<String, Value> updated = apply("SET a = :a, m.y = :b", item, values(":a", s("A"), ":b", n("2")));
        assertThat(updated).isEqualTo(item("pk", s("k"), "m", m("x", n("1"), "y", n("2")), "a", s("A")));
        assertThat(item).doesNotContainKey("a");
    }

    @Test
    void set_copies_another_attribute() {
        assertThat(apply("SET b = a", item("a", l(n("1"))), null)).containsEntry("b", l(n("1")));
    }

    @Test
    void set_from_a_missing_attribute_is_refused() {
        assertThat(applyRefusal("SET b = a", item(), null))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void set_adds_and_subtracts_numbers() {
        Map<String, Value> item = item("n", n("10"));
        Map<String, Value> vs = values(":one", n("1"), ":half", n("0.5"));
        assertThat(apply("SET n = n + :one", item, vs)).containsEntry("n", n("11"));
        assertThat(apply("SET n = n - :half", item, vs)).containsEntry("n", n("9.5"));
        assertThat(apply("SET m = :one - n", item, vs)).containsEntry("m", n("-9"));
    }

    @Test
    void arithmetic_on_a_non_number_is_refused_when_applied() {
        assertThat(applyRefusal("SET n = n + :one", item("n", s("10")), values(":one", n("1"))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void arithmetic_with_a_non_number_value_is_refused_when_parsed() {
        assertThat(refusal("SET n = n + :s", values(":s", s("x"))))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator or function: +, operand type: S");
    }

    @Test
    void arithmetic_out_of_the_number_range_is_refused() {
        Map<String, Value> item = item("n", n("9E+125"));
        assertThat(applyRefusal("SET n = n + n", item, null))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void arithmetic_needing_more_than_38_digits_is_an_overflow_whatever_its_magnitude() {
        assertThat(applyRefusal("SET n = :big + :one", item("n", n("0")), values(":big", n("1E+50"), ":one", n("1"))))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @Test
    void only_one_arithmetic_operator_per_value() {
        assertThat(refusal("SET n = n + :a + :a", values(":a", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":a + :a\"");
    }

    @Test
    void if_not_exists_keeps_an_existing_value() {
        Map<String, Value> vs = values(":z", n("0"));
        assertThat(apply("SET c = if_not_exists(c, :z)", item("c", n("5")), vs)).containsEntry("c", n("5"));
        assertThat(apply("SET c = if_not_exists(c, :z)", item(), vs)).containsEntry("c", n("0"));
    }

    @Test
    void if_not_exists_plus_a_number_counts_from_a_default() {
        Map<String, Value> vs = values(":z", n("0"), ":one", n("1"));
        assertThat(apply("SET c = if_not_exists(c, :z) + :one", item(), vs)).containsEntry("c", n("1"));
    }

    @Test
    void if_not_exists_wants_a_path_first() {
        assertThat(refusal("SET c = if_not_exists(:z, c)", values(":z", n("0"))))
                .isEqualTo("Invalid UpdateExpression: Operator or function requires a document path; "
                        + "operator or function: if_not_exists");
    }

    @Test
    void list_append_joins_lists_in_order() {
        Map<String, Value> item = item("l", l(n("1"), n("2")));
        Map<String, Value> vs = values(":more", l(n("3")));
        assertThat(apply("SET l = list_append(l, :more)", item, vs)).containsEntry("l", l(n("1"), n("2"), n("3")));
        assertThat(apply("SET l = list_append(:more, l)", item, vs)).containsEntry("l", l(n("3"), n("1"), n("2")));
    }

    @Test
    void list_append_with_if_not_exists_starts_a_list() {
        Map<String, Value> vs = values(":empty", l(), ":more", l(s("x")));
        assertThat(apply("SET l = list_append(if_not_exists(l, :empty), :more)", item(), vs))
                .containsEntry("l", l(s("x")));
    }

    @Test
    void list_append_of_a_non_list_is_refused() {
        assertThat(refusal("SET l = list_append(l, :s)", values(":s", s("x"))))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator or function: list_append, operand type: S");
        assertThat(applyRefusal("SET l = list_append(l, :l)", item("l", s("x")), values(":l", l())))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void a_function_with_the_wrong_number_of_operands_is_refused() {
        assertThat(refusal("SET l = list_append(:l)", values(":l", l())))
                .isEqualTo("Invalid UpdateExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: list_append, number of operands: 1");
    }

    @Test
    void condition_functions_are_refused_in_an_update() {
        assertThat(refusal("SET n = size(l)", null))
                .isEqualTo("Invalid UpdateExpression: The function is not allowed in an update expression; "
                        + "function: size");
    }

    @Test
    void an_unknown_function_is_refused() {
        assertThat(refusal("SET n = now(l)", null))
                .isEqualTo("Invalid UpdateExpression: Invalid function name; function: now");
    }

    @Test
    void set_on_a_list_index_replaces_the_element() {
        Map<String, Value> item = item("l", l(s("a"), s("b")));
        assertThat(apply("SET l[1] = :v", item, values(":v", s("B")))).containsEntry("l", l(s("a"), s("B")));
    }

    @Test
    void set_beyond_the_end_of_a_list_appends() {
        Map<String, Value> item = item("l", l(s("a")));
        assertThat(apply("SET l[10] = :v", item, values(":v", s("z")))).containsEntry("l", l(s("a"), s("z")));
        assertThat(apply("SET l[12] = :w, l[10] = :v", item, values(":v", s("v"), ":w", s("w"))))
                .containsEntry("l", l(s("a"), s("v"), s("w")));
    }

    @Test
    void set_through_a_missing_parent_is_invalid_for_update() {
        assertThat(applyRefusal("SET a.b = :v", item(), values(":v", n("1"))))
                .isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(applyRefusal("SET a[0] = :v", item("a", m()), values(":v", n("1"))))
                .isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(applyRefusal("SET a.b = :v", item("a", s("text")), values(":v", n("1"))))
                .isEqualTo("The document path provided in the update expression is invalid for update");
    }

    @Test
    void operands_are_read_from_the_item_before_the_update() {
        Map<String, Value> updated = apply("SET a = b, b = a", item("a", n("1"), "b", n("2")), null);
        assertThat(updated).containsEntry("a", n("2")).containsEntry("b", n("1"));
    }

    // ------------------------------------------------------------ REMOVE

    @Test
    void remove_deletes_attributes_and_ignores_missing_ones() {
        Map<String, Value> item = item("a", n("1"), "m", m("x", n("1"), "y", n("2")));
        assertThat(apply("REMOVE a, m.x, nothing", item, null)).isEqualTo(item("m", m("y", n("2"))));
    }

    @Test
    void remove_of_list_elements_counts_indexes_of_the_list_as_it_was() {
        Map<String, Value> item = item("l", l(s("a"), s("b"), s("c"), s("d")));
        assertThat(apply("REMOVE l[1], l[2]", item, null)).containsEntry("l", l(s("a"), s("d")));
    }

    @Test
    void remove_of_a_missing_list_index_does_nothing() {
        Map<String, Value> item = item("l", l(s("a")));
        assertThat(apply("REMOVE l[5]", item, null)).containsEntry("l", l(s("a")));
    }

    @Test
    void remove_through_a_missing_parent_is_invalid_for_update() {
        assertThat(applyRefusal("REMOVE a.b", item(), null))
                .isEqualTo("The document path provided in the update expression is invalid for update");
    }

    // ------------------------------------------------------------ ADD

    @Test
    void add_on_a_missing_attribute_creates_it() {
        Map<String, Value> vs = values(":one", n("1"), ":set", ss("x"));
        assertThat(apply("ADD n :one, s :set", item(), vs)).isEqualTo(item("n", n("1"), "s", ss("x")));
    }

    @Test
    void add_adds_to_a_number_and_to_a_set() {
        Map<String, Value> item = item("n", n("5"), "s", ss("a", "b"), "ns", ns("1"), "bs", bs("x"));
        Map<String, Value> vs = values(":n", n("-2"), ":s", ss("b", "c"), ":ns", ns("1", "2"), ":bs", bs("y"));
        Map<String, Value> updated = apply("ADD n :n, s :s, ns :ns, bs :bs", item, vs);
        assertThat(updated).containsEntry("n", n("3")).containsEntry("s", ss("a", "b", "c"))
                .containsEntry("ns", ns("1", "2")).containsEntry("bs", bs("x", "y"));
    }

    @Test
    void add_of_another_type_is_refused_when_applied() {
        assertThat(applyRefusal("ADD s :n", item("s", ss("a")), values(":n", n("1"))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(applyRefusal("ADD s :ns", item("s", ss("a")), values(":ns", ns("1"))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void add_takes_only_numbers_and_sets() {
        assertThat(refusal("ADD a :v", values(":v", s("x"))))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator: ADD, operand type: STRING");
        assertThat(refusal("ADD a :v", values(":v", l())))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator: ADD, operand type: LIST");
    }

    @Test
    void add_wants_a_value_placeholder() {
        assertThat(refusal("ADD a b", null))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"");
        assertThat(refusal("ADD hits : incr", values(":incr", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
    }

    // ------------------------------------------------------------ DELETE

    @Test
    void delete_takes_members_out_of_a_set() {
        Map<String, Value> item = item("s", ss("a", "b", "c"));
        assertThat(apply("DELETE s :v", item, values(":v", ss("b", "z")))).containsEntry("s", ss("a", "c"));
    }

    @Test
    void delete_of_the_last_members_removes_the_attribute() {
        Map<String, Value> item = item("s", ns("1", "2"), "k", s("x"));
        assertThat(apply("DELETE s :v", item, values(":v", ns("1", "2")))).isEqualTo(item("k", s("x")));
    }

    @Test
    void delete_from_a_missing_attribute_does_nothing() {
        assertThat(apply("DELETE s :v", item(), values(":v", ss("a")))).isEmpty();
    }

    @Test
    void delete_takes_only_sets() {
        assertThat(refusal("DELETE s :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator: DELETE, operand type: NUMBER");
    }

    @Test
    void delete_from_another_type_is_refused_when_applied() {
        assertThat(applyRefusal("DELETE s :v", item("s", s("a")), values(":v", ss("a"))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    // ------------------------------------------------------------ clauses and paths

    @Test
    void clauses_come_in_any_order_and_any_case() {
        Map<String, Value> item = item("a", n("1"), "b", n("2"), "s", ss("x", "y"));
        Map<String, Value> updated = apply("delete s :d add n :one remove b set c = :c",
                item, values(":d", ss("x"), ":one", n("1"), ":c", bool(true)));
        assertThat(updated).isEqualTo(item("a", n("1"), "s", ss("y"), "n", n("1"), "c", bool(true)));
    }

    @Test
    void a_clause_can_be_used_only_once() {
        assertThat(refusal("SET a = :v REMOVE b SET c = :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: The \"SET\" section can only be used once in an update "
                        + "expression;");
    }

    @Test
    void overlapping_paths_are_refused() {
        assertThat(refusal("SET a = :v, a.b = :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Two document paths overlap with each other; must remove or "
                        + "rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThat(refusal("SET a = :v REMOVE a", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Two document paths overlap with each other; must remove or "
                        + "rewrite one of these paths; path one: [a], path two: [a]");
    }

    @Test
    void conflicting_paths_are_refused() {
        assertThat(refusal("SET a[1] = :v, a.b = :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Two document paths conflict with each other; must remove or "
                        + "rewrite one of these paths; path one: [a, [1]], path two: [a, b]");
    }

    @Test
    void sibling_paths_are_fine() {
        Map<String, Value> updated = apply("SET a.b = :v, a.c = :v, l[0] = :v, l[1] = :v",
                item("a", m(), "l", l()), values(":v", n("1")));
        assertThat(updated).containsEntry("a", m("b", n("1"), "c", n("1"))).containsEntry("l", l(n("1"), n("1")));
    }

    @Test
    void the_top_level_attributes_are_reported_for_the_key_check() {
        Update update = Update.parse("SET a.b = :v, #pk = :v REMOVE c[1] ADD d :v",
                new ExpressionContext(names("#pk", "pk"), values(":v", n("1"))));
        assertThat(update.topLevelAttributes()).containsExactly("a", "pk", "c", "d");
    }

    @Test
    void the_updated_attributes_are_projected_for_return_values() {
        Update update = Update.parse("SET a.b = :v REMOVE c", new ExpressionContext(null, values(":v", n("2"))));
        Map<String, Value> old = item("a", m("b", n("1"), "x", n("9")), "c", s("gone"), "d", s("kept"));
        assertThat(update.updatedAttributes(old)).isEqualTo(item("a", m("b", n("1")), "c", s("gone")));
        assertThat(update.updatedAttributes(update.apply(old))).isEqualTo(item("a", m("b", n("2"))));
    }

    @Test
    void an_update_must_start_with_a_clause() {
        assertThat(refusal("INVALID SYNTAX HERE", null))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertThat(refusal("SET a = :v, ", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \", \"");
    }

    @Test
    void an_empty_update_is_refused() {
        assertThat(refusal("", null)).isEqualTo("Invalid UpdateExpression: The expression can not be empty;");
    }

    @Test
    void reserved_words_and_undefined_placeholders_are_refused() {
        assertThat(refusal("SET status = :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(refusal("SET #s = :v", values(":v", n("1"))))
                .isEqualTo("Invalid UpdateExpression: An expression attribute name used in the document path is "
                        + "not defined; attribute name: #s");
        assertThat(refusal("SET a = :nope", null))
                .isEqualTo("Invalid UpdateExpression: An expression attribute value used in expression is not "
                        + "defined; attribute value: :nope");
    }

    @Test
    void binary_set_members_compare_by_content() {
        Map<String, Value> item = item("bs", bs("a", "b"));
        assertThat(apply("DELETE bs :v", item, values(":v", bs("a")))).containsEntry("bs", bs("b"));
        assertThat(b("a")).isEqualTo(b("a"));
    }

    @Test
    void an_updated_item_cannot_be_changed_by_the_caller() {
        Map<String, Value> updated = apply("SET a = :v", item(), values(":v", n("1")));
        assertThatThrownBy(() -> updated.put("b", n("2"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
