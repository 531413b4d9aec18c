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
import static io.cruddur.engine.dynamodb.expressions.TestValues.nul;
import static io.cruddur.engine.dynamodb.expressions.TestValues.s;
import static io.cruddur.engine.dynamodb.expressions.TestValues.ss;
import static io.cruddur.engine.dynamodb.expressions.TestValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static boolean holds(String expression, Map<String, Value> item, Map<String, Value> values) {
        return Condition.parse(expression, new ExpressionContext(null, values)).test(item);
    }

    private static boolean holds(String expression, Map<String, Value> item) {
        return Condition.parse(expression, ExpressionContext.empty()).test(item);
    }

    private static String refusal(String expression, Map<String, String> names, Map<String, Value> values) {
        try {
            Condition.parse(expression, new ExpressionContext(names, values));
        } catch (ApiException refused) {
            assertThat(refused.errorType()).isEqualTo("ValidationException");
            assertThat(refused.status()).isEqualTo(400);
            return refused.getMessage();
        }
        throw new AssertionError("the expression was accepted: " + expression);
    }

    private static String refusal(String expression, Map<String, Value> values) {
        return refusal(expression, null, values);
    }

    // ------------------------------------------------------------ comparisons

    @Test
    void equality_compares_values_of_the_same_type() {
        Map<String, Value> item = item("a", s("x"), "n", n("10"));
        assertThat(holds("a = :v", item, values(":v", s("x")))).isTrue();
        assertThat(holds("a = :v", item, values(":v", s("y")))).isFalse();
        assertThat(holds("n = :v", item, values(":v", n("10.00")))).isTrue();
    }

    @Test
    void values_of_different_types_are_never_equal_and_always_unequal() {
        Map<String, Value> item = item("a", s("1"));
        assertThat(holds("a = :v", item, values(":v", n("1")))).isFalse();
        assertThat(holds("a <> :v", item, values(":v", n("1")))).isTrue();
    }

    @Test
    void orderings_between_different_types_are_false() {
        Map<String, Value> item = item("a", s("1"));
        for (String comparator : new String[] {"<", "<=", ">", ">="}) {
            assertThat(holds("a " + comparator + " :v", item, values(":v", n("1")))).as(comparator).isFalse();
        }
    }

    @Test
    void numbers_compare_numerically() {
        Map<String, Value> item = item("n", n("9"));
        assertThat(holds("n < :v", item, values(":v", n("10")))).isTrue();
        assertThat(holds("n <= :v", item, values(":v", n("9")))).isTrue();
        assertThat(holds("n > :v", item, values(":v", n("-100")))).isTrue();
        assertThat(holds("n >= :v", item, values(":v", n("9.0001")))).isFalse();
    }

    @Test
    void strings_compare_by_their_utf8_bytes() {
        // U+FF21 (three UTF-8 bytes) sorts before U+1F600 (four bytes, a surrogate pair in UTF-16)
        Map<String, Value> item = item("a", s("\uFF21"));
        assertThat(holds("a < :v", item, values(":v", s("\uD83D\uDE00")))).isTrue();
        assertThat(holds("a < :v", item(("a"), s("B")), values(":v", s("a")))).isTrue();
        assertThat(holds("a < :v", item(("a"), s("ab")), values(":v", s("abc")))).isTrue();
    }

    @Test
    void binaries_compare_unsigned() {
        Map<String, Value> item = item("a", b(0x7f));
        assertThat(holds("a < :v", item, values(":v", b(0x80)))).isTrue();
    }

    @Test
    void sets_lists_and_maps_compare_only_for_equality() {
        Map<String, Value> item = item("s", ss("a", "b"), "l", l(n("1"), s("x")), "m", m("k", n("1")));
        assertThat(holds("s = :v", item, values(":v", ss("b", "a")))).isTrue();
        assertThat(holds("l = :v", item, values(":v", l(n("1.0"), s("x"))))).isTrue();
        assertThat(holds("m = :v", item, values(":v", m("k", n("1"))))).isTrue();
        assertThat(holds("s < :v", item, values(":v", s("c")))).isFalse();
        assertThat(holds("l > :v", item, values(":v", n("0")))).isFalse();
    }

    @Test
    void an_expression_is_at_most_4_kilobytes() {
        Map<String, Value> values = values(":v", n("1"));
        assertThat(holds("a" + " ".repeat(4091) + "= :v", item("a", n("1")), values)).isTrue();
        assertThat(refusal("a" + " ".repeat(4092) + "= :v", values)).isEqualTo(
                "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
    }

    @Test
    void an_expression_holds_at_most_300_operators() {
        Map<String, Value> item = item("a", n("1"), "b", n("2"));
        assertThat(holds("a<b" + " or (a<b".repeat(149) + ")".repeat(149), item, null)).isTrue();
        assertThat(refusal("a<b" + " or (a<b".repeat(150) + ")".repeat(150), null)).isEqualTo(
                "Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
        assertThat(refusal("not ".repeat(1000) + "a<b", null)).contains("too many operators");
    }

    @Test
    void deep_nesting_is_refused_before_it_can_exhaust_the_parser() throws InterruptedException {
        // Half a request thread's usual stack, its frames not yet compiled: the parser must fit in it.
        List<String> refusals = new CopyOnWriteArrayList<>();
        Thread smallStack = new Thread(null, () -> {
            refusals.add(refusal("(".repeat(2046) + "a<b" + ")".repeat(2046), null));
            refusals.add(refusal("(".repeat(4096), null));
            refusals.add(refusal("a < " + "size(".repeat(680) + "b" + ")".repeat(680), null));
        }, "small-stack", 512 * 1024);
        smallStack.start();
        smallStack.join();
        assertThat(refusals).containsExactly("Invalid ConditionExpression: The expression has redundant parentheses;",
                "Invalid ConditionExpression: The expression has redundant parentheses;",
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
    }

    @Test
    void a_value_that_has_no_order_cannot_be_ordered_against() {
        assertThat(refusal("a < :v", values(":v", l(n("1")))))
                .isEqualTo("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: <, operand type: L");
        assertThat(refusal(":v >= a", values(":v", ss("x")))).contains("operator or function: >=, operand type: SS");
        assertThat(refusal("a BETWEEN :low AND :high", values(":low", m("k", n("1")), ":high", m("k", n("2")))))
                .contains("operator or function: BETWEEN, operand type: M");
    }

    @Test
    void attribute_type_may_test_a_value_as_well_as_an_attribute() {
        assertThat(holds("attribute_type(:v, :t)", item(), values(":v", l(n("1")), ":t", s("L")))).isTrue();
        assertThat(holds("attribute_type(:v, :t)", item(), values(":v", l(n("1")), ":t", s("M")))).isFalse();
    }

    @Test
    void a_missing_attribute_is_not_equal_to_anything() {
        assertThat(holds("a = :v", item(), values(":v", s("x")))).isFalse();
        assertThat(holds("a <> :v", item(), values(":v", s("x")))).isTrue();
        assertThat(holds("a < :v", item(), values(":v", s("x")))).isFalse();
    }

    @Test
    void two_attributes_can_be_compared() {
        assertThat(holds("a < b", item("a", n("1"), "b", n("2")))).isTrue();
    }

    // ------------------------------------------------------------ BETWEEN and IN

    @Test
    void between_includes_both_bounds() {
        Map<String, Value> vs = values(":lo", n("1"), ":hi", n("3"));
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", n("1")), vs)).isTrue();
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", n("3")), vs)).isTrue();
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", n("3.5")), vs)).isFalse();
        assertThat(holds("a between :lo and :hi", item("a", n("2")), vs)).isTrue();
    }

    @Test
    void between_is_false_for_another_type() {
        assertThat(holds("a BETWEEN :lo AND :hi", item("a", s("2")), values(":lo", n("1"), ":hi", n("3")))).isFalse();
    }

    @Test
    void between_bounds_of_different_types_are_refused() {
        assertThat(refusal("a BETWEEN :lo AND :hi", values(":lo", n("1"), ":hi", s("z"))))
                .isEqualTo("Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and "
                        + "upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: "
                        + "AttributeValue: {S:z}");
    }

    @Test
    void between_bounds_in_the_wrong_order_are_refused() {
        assertThat(refusal("a BETWEEN :lo AND :hi", values(":lo", n("5"), ":hi", n("1"))))
                .isEqualTo("Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than "
                        + "or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound "
                        + "operand: AttributeValue: {N:1}");
    }

    @Test
    void in_matches_any_of_its_operands() {
        Map<String, Value> vs = values(":a", s("x"), ":b", s("y"));
        assertThat(holds("a IN (:a, :b)", item("a", s("y")), vs)).isTrue();
        assertThat(holds("a IN (:a, :b)", item("a", s("z")), vs)).isFalse();
        assertThat(holds("a IN (:a, :b)", item(), vs)).isFalse();
    }

    @Test
    void in_takes_up_to_a_hundred_operands() {
        Map<String, Value> vs = new java.util.LinkedHashMap<>();
        IntStream.range(0, 101).forEach(i -> vs.put(":v" + i, n(Integer.toString(i))));
        String hundred = IntStream.range(0, 100).mapToObj(i -> ":v" + i).collect(Collectors.joining(", "));
        assertThat(holds("a IN (" + hundred + ")", item("a", n("99")), vs)).isTrue();
        assertThat(refusal("a IN (" + hundred + ", :v100)", vs))
                .isEqualTo("Invalid ConditionExpression: The IN operator is provided with too many operands; "
                        + "number of operands: 101");
    }

    // ------------------------------------------------------------ logic

    @Test
    void and_binds_tighter_than_or() {
        Map<String, Value> vs = values(":t", bool(true));
        // a OR (b AND c)
        assertThat(holds("a = :t OR b = :t AND c = :t", item("a", bool(true)), vs)).isTrue();
        // (a OR b) AND c would be false here
        assertThat(holds("(a = :t OR b = :t) AND c = :t", item("a", bool(true)), vs)).isFalse();
    }

    @Test
    void not_binds_tighter_than_and() {
        Map<String, Value> vs = values(":t", bool(true));
        assertThat(holds("NOT a = :t AND b = :t", item("b", bool(true)), vs)).isTrue();
        assertThat(holds("NOT (a = :t AND b = :t)", item("a", bool(true)), vs)).isTrue();
        assertThat(holds("not not a = :t", item("a", bool(true)), vs)).isTrue();
    }

    @Test
    void parentheses_may_enclose_an_operand() {
        assertThat(holds("(a) = :v", item("a", n("1")), values(":v", n("1")))).isTrue();
        assertThat(holds("(size(a)) > :v", item("a", s("abc")), values(":v", n("2")))).isTrue();
    }

    @Test
    void redundant_parentheses_are_refused() {
        assertThat(refusal("((a = :v))", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(refusal("((a)) = :v", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    // ------------------------------------------------------------ functions

    @Test
    void attribute_exists_and_attribute_not_exists_look_at_the_path() {
        Map<String, Value> item = item("a", m("b", nul()));
        assertThat(holds("attribute_exists(a.b)", item)).isTrue();
        assertThat(holds("attribute_exists(a.c)", item)).isFalse();
        assertThat(holds("attribute_not_exists(a.c)", item)).isTrue();
        assertThat(holds("attribute_not_exists(pk)", item())).isTrue();
    }

    @Test
    void attribute_type_checks_the_type_by_its_name() {
        Map<String, Value> item = item("a", ns("1"), "b", bool(false));
        assertThat(holds("attribute_type(a, :t)", item, values(":t", s("NS")))).isTrue();
        assertThat(holds("attribute_type(a, :t)", item, values(":t", s("SS")))).isFalse();
        assertThat(holds("attribute_type(b, :t)", item, values(":t", s("BOOL")))).isTrue();
        assertThat(holds("attribute_type(c, :t)", item, values(":t", s("NULL")))).isFalse();
    }

    @Test
    void attribute_type_refuses_an_unknown_type() {
        assertThat(refusal("attribute_type(a, :t)", values(":t", s("STRING"))))
                .isEqualTo("Invalid ConditionExpression: Invalid attribute type name found; type: STRING, "
                        + "valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    @Test
    void attribute_type_wants_a_string_for_the_type() {
        assertThat(refusal("attribute_type(a, :t)", values(":t", n("1"))))
                .isEqualTo("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: attribute_type, operand type: N");
    }

    @Test
    void begins_with_works_on_strings_and_binaries() {
        assertThat(holds("begins_with(a, :p)", item("a", s("hello")), values(":p", s("he")))).isTrue();
        assertThat(holds("begins_with(a, :p)", item("a", s("hello")), values(":p", s("lo")))).isFalse();
        assertThat(holds("begins_with(a, :p)", item("a", b("hello")), values(":p", b("hel")))).isTrue();
        assertThat(holds("begins_with(a, :p)", item("a", ss("hello")), values(":p", s("he")))).isFalse();
    }

    @Test
    void begins_with_refuses_a_number() {
        assertThat(refusal("begins_with(a, :p)", values(":p", n("1"))))
                .isEqualTo("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: begins_with, operand type: N");
    }

    @Test
    void contains_finds_substrings_set_members_and_list_elements() {
        Map<String, Value> item = item("s", s("needle in haystack"), "ss", ss("a", "b"), "ns", ns("1", "2"),
                "bs", bs("x"), "l", l(s("a"), m("k", n("1"))), "bin", b("abcdef"));
        assertThat(holds("contains(s, :v)", item, values(":v", s("in hay")))).isTrue();
        assertThat(holds("contains(ss, :v)", item, values(":v", s("b")))).isTrue();
        assertThat(holds("contains(ss, :v)", item, values(":v", s("c")))).isFalse();
        assertThat(holds("contains(ns, :v)", item, values(":v", n("2.0")))).isTrue();
        assertThat(holds("contains(bs, :v)", item, values(":v", b("x")))).isTrue();
        assertThat(holds("contains(l, :v)", item, values(":v", m("k", n("1"))))).isTrue();
        assertThat(holds("contains(bin, :v)", item, values(":v", b("cde")))).isTrue();
        assertThat(holds("contains(ns, :v)", item, values(":v", s("1")))).isFalse();
        assertThat(holds("contains(absent, :v)", item, values(":v", s("1")))).isFalse();
    }

    @Test
    void contains_of_an_attribute_in_another_is_allowed() {
        assertThat(holds("contains(a, b)", item("a", ss("x", "y"), "b", s("y")))).isTrue();
    }

    @Test
    void size_counts_string_bytes_binary_bytes_and_elements() {
        Map<String, Value> item = item("s", s("h\u00e9"), "b", b(1, 2, 3), "ss", ss("a", "b"),
                "l", l(n("1")), "m", m("a", n("1"), "b", n("2")));
        Map<String, Value> vs = values(":three", n("3"), ":two", n("2"), ":one", n("1"));
        assertThat(holds("size(s) = :three", item, vs)).isTrue();
        assertThat(holds("size(b) = :three", item, vs)).isTrue();
        assertThat(holds("size(ss) = :two", item, vs)).isTrue();
        assertThat(holds("size(l) = :one", item, vs)).isTrue();
        assertThat(holds("size(m) = :two", item, vs)).isTrue();
        assertThat(holds(":two < size(m)", item, vs)).isFalse();
    }

    @Test
    void size_of_a_missing_attribute_or_a_number_meets_no_comparison() {
        Map<String, Value> vs = values(":zero", n("0"));
        assertThat(holds("size(a) >= :zero", item(), vs)).isFalse();
        assertThat(holds("size(a) >= :zero", item("a", n("5")), vs)).isFalse();
    }

    @Test
    void size_refuses_a_number_operand() {
        assertThat(refusal("size(:v) = :v", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: size, operand type: N");
    }

    @Test
    void size_cannot_be_a_condition_of_its_own() {
        assertThat(refusal("size(a)", null))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed to be used this way in an "
                        + "expression; function: size");
    }

    @Test
    void a_condition_function_cannot_be_compared() {
        assertThat(refusal("attribute_exists(a) = :v", values(":v", bool(true))))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed to be used this way in an "
                        + "expression; function: attribute_exists");
    }

    @Test
    void a_condition_function_cannot_be_an_argument() {
        assertThat(refusal("size(attribute_exists(a)) = :v", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed to be used this way in an "
                        + "expression; function: attribute_exists");
    }

    @Test
    void an_unknown_function_is_refused() {
        assertThat(refusal("exists(a)", null))
                .isEqualTo("Invalid ConditionExpression: Invalid function name; function: exists");
    }

    @Test
    void an_update_function_is_refused_in_a_condition() {
        assertThat(refusal("a = if_not_exists(a, :v)", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: The function is not allowed in a condition expression; "
                        + "function: if_not_exists");
    }

    @Test
    void a_function_with_the_wrong_number_of_operands_is_refused() {
        assertThat(refusal("begins_with(a)", null))
                .isEqualTo("Invalid ConditionExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: begins_with, number of operands: 1");
    }

    @Test
    void attribute_exists_wants_a_document_path() {
        assertThat(refusal("attribute_exists(:v)", values(":v", s("a"))))
                .isEqualTo("Invalid ConditionExpression: Operator or function requires a document path; "
                        + "operator or function: attribute_exists");
    }

    @Test
    void the_same_path_on_both_sides_is_refused() {
        assertThat(refusal("a.b = a.b", null))
                .isEqualTo("Invalid ConditionExpression: The first operand must be distinct from the remaining "
                        + "operands for this operator or function; operator: =, first operand: [a, b]");
        assertThat(refusal("contains(a, a)", null))
                .isEqualTo("Invalid ConditionExpression: The first operand must be distinct from the remaining "
                        + "operands for this operator or function; operator: contains, first operand: [a]");
    }

    // ------------------------------------------------------------ paths and placeholders

    @Test
    void nested_paths_reach_into_maps_and_lists() {
        Map<String, Value> item = item("a", m("b", l(n("0"), n("1"), m("c", s("deep")))));
        Map<String, Value> vs = values(":v", s("deep"));
        assertThat(holds("a.b[2].c = :v", item, vs)).isTrue();
        assertThat(holds("a . b [ 2 ] . c = :v", item, vs)).isTrue();
        assertThat(holds("a.b[3].c = :v", item, vs)).isFalse();
        assertThat(holds("a.b.c = :v", item, vs)).isFalse();
        assertThat(holds("a[0] = :v", item, vs)).isFalse();
    }

    @Test
    void a_name_placeholder_stands_for_an_attribute_name() {
        Map<String, Value> item = item("status", s("on"), "a.b", s("dotted"));
        ExpressionContext context = new ExpressionContext(names("#s", "status", "#ab", "a.b"),
                values(":v", s("on"), ":w", s("dotted")));
        assertThat(Condition.parse("#s = :v AND #ab = :w", context).test(item)).isTrue();
        context.checkAllUsed();
    }

    @Test
    void a_reserved_word_is_refused_as_a_bare_name() {
        assertThat(refusal("status = :v", values(":v", s("x"))))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: "
                        + "status");
        assertThat(refusal("a.Size = :v", values(":v", s("x"))))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: "
                        + "Size");
    }

    @Test
    void the_reserved_word_list_is_the_whole_documented_list() {
        assertThat(ReservedWords.count()).isEqualTo(573);
        assertThat(ReservedWords.isReserved("zone")).isTrue();
        assertThat(ReservedWords.isReserved("ABORT")).isTrue();
        assertThat(ReservedWords.isReserved("pk")).isFalse();
    }

    @Test
    void an_undefined_name_placeholder_is_refused() {
        assertThat(refusal("#x = :v", values(":v", s("x"))))
                .isEqualTo("Invalid ConditionExpression: An expression attribute name used in the document path is "
                        + "not defined; attribute name: #x");
    }

    @Test
    void an_undefined_value_placeholder_is_refused() {
        assertThat(refusal("a = :x", null))
                .isEqualTo("Invalid ConditionExpression: An expression attribute value used in expression is not "
                        + "defined; attribute value: :x");
    }

    @Test
    void unused_placeholders_are_reported_names_first() {
        ExpressionContext context = new ExpressionContext(names("#a", "a", "#b", "b", "#c", "c"),
                values(":x", n("1"), ":y", n("2")));
        Condition.parse("#a = :x", context);
        assertThatThrownBy(context::checkAllUsed).isInstanceOf(ApiException.class)
                .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b, #c}");
        Condition.parse("#b = #c", context);
        assertThatThrownBy(context::checkAllUsed)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:y}");
    }

    // ------------------------------------------------------------ syntax

    @Test
    void an_empty_expression_is_refused() {
        assertThat(refusal("", null)).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
    }

    @Test
    void the_parameter_name_is_the_one_given() {
        assertThatThrownBy(() -> Condition.parse("", "FilterExpression", ExpressionContext.empty()))
                .hasMessage("Invalid FilterExpression: The expression can not be empty;");
    }

    @Test
    void a_bare_attribute_is_not_a_condition() {
        assertThat(refusal("foo", null))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"foo\"");
        assertThat(refusal("attribute_exists(a) AND NOT #b", names("#b", "b"), null))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"#b\"");
    }

    @Test
    void a_syntax_error_names_the_token_and_its_neighbours() {
        assertThat(refusal("a-b", null))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"");
        assertThat(refusal("#pk = tenant:abc123-x", names("#pk", "pk"), values(":abc123", s("v"))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \":abc123\", near: \"tenant:abc123-\"");
        assertThat(refusal("!!", null))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"!\", near: \"!!\"");
        assertThat(refusal("()", null))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"");
    }

    @Test
    void names_cannot_start_with_an_underscore() {
        assertThat(refusal("_a = :v", values(":v", s("x"))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_a\"");
    }

    @Test
    void a_keyword_cannot_be_an_attribute_name() {
        assertThat(refusal("a = :v AND in = :v", values(":v", s("x"))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"in\", near: \"AND in =\"");
    }

    @Test
    void a_list_index_must_be_a_number() {
        assertThat(refusal("a[-1] = :v", values(":v", s("x"))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"-\", near: \"[-1\"");
    }

    @Test
    void arithmetic_is_not_part_of_a_condition() {
        assertThat(refusal("a = b + :v", values(":v", n("1"))))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"+\", near: \"b + :v\"");
    }

    @Test
    void a_syntax_error_wins_over_other_problems() {
        assertThat(refusal("status = :undefined AND", null))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
    }

    @Test
    void a_condition_on_no_item_sees_every_attribute_missing() {
        assertThat(holds("attribute_not_exists(pk) AND NOT begins_with(a, :p)", item(), values(":p", s("x"))))
                .isTrue();
    }
}
