package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The limits AWS documents for items and expressions, and the checks DynamoDB makes of a request before running it. */
class LimitsTest {
    private final DynamoDbClient dynamo = Target.dynamo();
    private final DynamoDbStreamsClient streams = Target.streams();
    private final String table = Target.table(ScalarAttributeType.S);

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("1"));
    }

    private static AttributeValue mapsDeep(int maps) {
        AttributeValue value = AttributeValue.fromS("bottom");
        for (int i = 0; i < maps; i++) {
            value = AttributeValue.fromM(Map.of("a", value));
        }
        return value;
    }

    @Test
    void a_document_nests_32_levels_the_item_included_and_no_deeper() {
        Map<String, AttributeValue> deepest = new HashMap<>(key("nesting"));
        deepest.put("doc", mapsDeep(31));
        dynamo.putItem(b -> b.tableName(table).item(deepest));
        Map<String, AttributeValue> tooDeep = new HashMap<>(key("nesting"));
        tooDeep.put("doc", mapsDeep(32));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(tooDeep)))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Nesting Levels have exceeded supported limits");
    }

    @Test
    void an_attribute_name_may_be_64_kilobytes_long_and_no_longer() {
        Map<String, AttributeValue> item = new HashMap<>(key("long-name"));
        String name = "n".repeat(65_535);
        item.put(name, AttributeValue.fromS("x"));
        dynamo.putItem(b -> b.tableName(table).item(item));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(key("long-name")).consistentRead(true)).item()).containsKey(name);
        Map<String, AttributeValue> tooLong = new HashMap<>(key("longer-name"));
        tooLong.put(name + "n", AttributeValue.fromS("x"));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(tooLong)))
                .hasMessageContaining("exceeds the maximum size of 65535 bytes");
    }

    @Test
    void a_number_must_be_numeric() {
        Map<String, AttributeValue> item = new HashMap<>(key("numbers"));
        item.put("n", AttributeValue.fromN("NaN"));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item)))
                .hasMessageContaining("The parameter cannot be converted to a numeric value: NaN");
    }

    @Test
    void an_expression_is_at_most_4_kilobytes_and_300_operators() {
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(table).key(key("x")).projectionExpression("x".repeat(4097))))
                .hasMessageContaining("Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size");
        String operators = "a < b" + " OR (a < b".repeat(150) + ")".repeat(150);
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(key("x")).updateExpression("SET z = :one")
                .conditionExpression(operators).expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))))
                .hasMessageContaining("The expression contains too many operators; operator count: 301");
        String nested = "(".repeat(2046) + "a < b" + ")".repeat(2046);
        assertThatThrownBy(() -> dynamo.updateItem(b -> b.tableName(table).key(key("x")).updateExpression("SET z = :one")
                .conditionExpression(nested).expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))))
                .isInstanceOfSatisfying(DynamoDbException.class, refused -> assertThat(refused.statusCode()).isEqualTo(400))
                .hasMessageContaining("Invalid ConditionExpression");
    }

    @Test
    void a_query_filters_on_attributes_that_are_not_its_keys() {
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("filtered"),
                "sk", AttributeValue.fromS("1"), "v", AttributeValue.fromN("1"))));
        Map<String, AttributeValue> values = Map.of(":p", AttributeValue.fromS("filtered"), ":s", AttributeValue.fromS("1"));
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .filterExpression("sk = :s").expressionAttributeValues(values)))
                .hasMessageContaining("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table)
                .keyConditions(Map.of("pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(AttributeValue.fromS("filtered")).build()))
                .queryFilter(Map.of("sk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(AttributeValue.fromS("1")).build()))))
                .hasMessageContaining("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
        assertThat(dynamo.scan(b -> b.tableName(table).filterExpression("pk = :p AND sk = :s")
                .expressionAttributeValues(values).consistentRead(true)).count()).isEqualTo(1);
    }

    @Test
    void expression_and_legacy_parameters_never_mix_but_key_conditions_may_join_expressions() {
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("x"))).attributesToGet("v")))
                .hasMessageContaining("Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {AttributesToGet} Expression parameters: {KeyConditionExpression}");
        assertThatThrownBy(() -> dynamo.getItem(b -> b.tableName(table).key(key("x")).attributesToGet("v")
                .projectionExpression("v")))
                .hasMessageContaining("Can not use both expression and non-expression parameters in the same request");
        Condition partition = Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(AttributeValue.fromS("x")).build();
        assertThat(dynamo.query(b -> b.tableName(table).keyConditions(Map.of("pk", partition)).projectionExpression("v")
                .filterExpression("attribute_exists(v)")).count()).isZero();
    }

    @Test
    void a_stream_arn_that_names_no_stream_is_invalid() {
        assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn("sdfadfsdfnlfkajakfgjalksfgklasjklasdjfklasdfasdfgasf")))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("Invalid StreamArn");
        assertThatThrownBy(() -> streams.listStreams(b -> b.exclusiveStartStreamArn("not-a-stream-arn-but-long-enough-to-pass")))
                .hasMessageContaining("Invalid StreamArn");
    }

    @Test
    void tags_and_time_to_live_names_are_checked() {
        String arn = dynamo.describeTable(b -> b.tableName(table)).table().tableArn();
        assertThatThrownBy(() -> dynamo.tagResource(b -> b.resourceArn(arn).tags(List.of())))
                .hasMessageContaining("Member must have length greater than or equal to 1");
        assertThatThrownBy(() -> dynamo.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("<><>").value("v").build())))
                .hasMessageContaining("Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(s -> s.attributeName("t".repeat(256)).enabled(true))))
                .hasMessageContaining("Member must have length less than or equal to 255");
    }
}
