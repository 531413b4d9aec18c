package io.cruddur.engine.dynamodb.expressions;

import static io.cruddur.engine.dynamodb.expressions.TestValues.n;
import static io.cruddur.engine.dynamodb.expressions.TestValues.names;
import static io.cruddur.engine.dynamodb.expressions.TestValues.s;
import static io.cruddur.engine.dynamodb.expressions.TestValues.values;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.engine.dynamodb.model.ApiException;
import org.junit.jupiter.api.Test;

class ExpressionContextTest {

    @Test
    void placeholders_used_by_any_expression_of_the_request_count_as_used() {
        ExpressionContext context = new ExpressionContext(names("#a", "a", "#p", "p"),
                values(":v", n("1"), ":exists", s("x")));
        Update.parse("SET #a = :v", context);
        Condition.parse("#a <> :exists", context);
        Projection.parse("#p", context);
        assertThatCode(context::checkAllUsed).doesNotThrowAnyException();
    }

    @Test
    void a_request_without_placeholders_has_nothing_unused() {
        ExpressionContext context = new ExpressionContext(null, null);
        Projection.parse("a, b", context);
        assertThatCode(context::checkAllUsed).doesNotThrowAnyException();
    }

    @Test
    void an_unused_value_is_reported_even_when_every_name_is_used() {
        ExpressionContext context = new ExpressionContext(names("#a", "a"), values(":b", n("1")));
        Projection.parse("#a", context);
        assertThatThrownBy(context::checkAllUsed).isInstanceOf(ApiException.class)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
    }

    @Test
    void a_placeholder_used_only_by_a_refused_expression_is_not_counted() {
        ExpressionContext context = new ExpressionContext(null, values(":b", n("1")));
        assertThatThrownBy(() -> Condition.parse("a = :c", context)).isInstanceOf(ApiException.class);
        assertThatThrownBy(context::checkAllUsed)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}");
    }
}
