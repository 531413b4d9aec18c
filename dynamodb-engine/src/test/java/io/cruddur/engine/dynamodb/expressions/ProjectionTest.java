package io.cruddur.engine.dynamodb.expressions;

import static io.cruddur.engine.dynamodb.expressions.TestValues.item;
import static io.cruddur.engine.dynamodb.expressions.TestValues.l;
import static io.cruddur.engine.dynamodb.expressions.TestValues.m;
import static io.cruddur.engine.dynamodb.expressions.TestValues.n;
import static io.cruddur.engine.dynamodb.expressions.TestValues.names;
import static io.cruddur.engine.dynamodb.expressions.TestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final Map<String, Value> ITEM = item(
            "pk", s("k"),
            "title", s("t"),
            "m", m("a", n("1"), "b", m("c", s("deep"), "d", s("other"))),
            "l", l(s("zero"), m("x", n("1"), "y", n("2")), s("two"), s("three")));

    private static Map<String, Value> project(String expression) {
        return Projection.parse(expression, ExpressionContext.empty()).apply(ITEM);
    }

    private static String refusal(String expression, Map<String, String> names) {
        try {
            Projection.parse(expression, new ExpressionContext(names, null));
        } catch (ApiException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("the expression was accepted: " + expression);
    }

    @Test
    void a_path_reaches_32_levels_deep_and_no_deeper() {
        assertThat(project("a" + ".b".repeat(31))).isEmpty();
        assertThat(refusal("a" + ".b".repeat(32), null)).isEqualTo(
                "Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");
    }

    @Test
    void top_level_attributes_are_picked() {
        assertThat(project("pk, title")).isEqualTo(item("pk", s("k"), "title", s("t")));
    }

    @Test
    void missing_paths_are_simply_absent() {
        assertThat(project("pk, nothing, m.zzz, l[9], title.x")).isEqualTo(item("pk", s("k")));
    }

    @Test
    void nested_map_paths_keep_only_the_named_parts() {
        assertThat(project("m.b.c, m.a")).isEqualTo(item("m", m("b", m("c", s("deep")), "a", n("1"))));
    }

    @Test
    void list_elements_keep_their_order_and_close_up() {
        assertThat(project("l[3], l[0]")).isEqualTo(item("l", l(s("zero"), s("three"))));
    }

    @Test
    void paths_through_list_elements_are_merged() {
        assertThat(project("l[1].y, l[2]")).isEqualTo(item("l", l(m("y", n("2")), s("two"))));
    }

    @Test
    void name_placeholders_stand_for_names() {
        ExpressionContext context = new ExpressionContext(names("#t", "title", "#b", "b"), null);
        assertThat(Projection.parse("#t, m.#b.d", context).apply(ITEM))
                .isEqualTo(item("title", s("t"), "m", m("b", m("d", s("other")))));
        context.checkAllUsed();
    }

    @Test
    void the_top_level_attributes_are_reported() {
        assertThat(Projection.parse("m.a, l[0], pk", ExpressionContext.empty()).topLevelAttributes())
                .containsExactly("m", "l", "pk");
    }

    @Test
    void reserved_words_are_refused() {
        assertThat(refusal("pk, name", null))
                .isEqualTo("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
    }

    @Test
    void undefined_names_are_refused() {
        assertThat(refusal("#n", null))
                .isEqualTo("Invalid ProjectionExpression: An expression attribute name used in the document path is "
                        + "not defined; attribute name: #n");
    }

    @Test
    void overlapping_paths_are_refused() {
        assertThat(refusal("m, m.a", null))
                .isEqualTo("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
                        + "rewrite one of these paths; path one: [m], path two: [m, a]");
    }

    @Test
    void conflicting_paths_are_refused() {
        assertThat(refusal("l[0], l.a", null))
                .isEqualTo("Invalid ProjectionExpression: Two document paths conflict with each other; must remove "
                        + "or rewrite one of these paths; path one: [l, [0]], path two: [l, a]");
    }

    @Test
    void syntax_errors_are_refused() {
        assertThat(refusal("!!", null))
                .isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"");
        assertThat(refusal("a,", null))
                .isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertThat(refusal("a b", null))
                .isEqualTo("Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"");
    }

    @Test
    void an_empty_projection_is_refused() {
        assertThatThrownBy(() -> Projection.parse("", ExpressionContext.empty()))
                .hasMessage("Invalid ProjectionExpression: The expression can not be empty;");
    }

    @Test
    void the_projection_of_no_item_is_empty() {
        assertThat(Projection.parse("a, b.c", ExpressionContext.empty()).apply(item())).isEmpty();
    }
}
