package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query and Scan: key conditions, order, pages, filters, projections, indexes and parallel scans. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryScanTest {
    private final DynamoDbClient dynamo = Target.dynamo();
    private String table;

    @BeforeAll
    void fill() {
        table = Target.tableName();
        Target.create(CreateTableRequest.builder().tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S), Target.definition("sk", ScalarAttributeType.N),
                        Target.definition("group", ScalarAttributeType.S), Target.definition("rank", ScalarAttributeType.N))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-group")
                        .keySchema(KeySchemaElement.builder().attributeName("group").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-rank")
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("rank").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build());
        for (int i = 0; i < 30; i++) {
            int n = i;
            var item = new java.util.HashMap<String, AttributeValue>();
            item.put("pk", AttributeValue.fromS("p"));
            item.put("sk", AttributeValue.fromN(Integer.toString(n)));
            item.put("rank", AttributeValue.fromN(Integer.toString(100 - n)));
            item.put("even", AttributeValue.fromBool(n % 2 == 0));
            if (n % 3 == 0) {
                item.put("group", AttributeValue.fromS("thirds"));
            }
            dynamo.putItem(b -> b.tableName(table).item(item));
        }
        for (int i = 0; i < 40; i++) {
            int n = i;
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("other-" + n),
                    "sk", AttributeValue.fromN("0"), "rank", AttributeValue.fromN("1"))));
        }
    }

    private QueryResponse query(String condition, Map<String, AttributeValue> values, boolean forward, Integer limit) {
        return dynamo.query(b -> b.tableName(table).keyConditionExpression(condition).expressionAttributeValues(values)
                .scanIndexForward(forward).limit(limit));
    }

    private static List<Integer> sortKeys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> Integer.parseInt(item.get("sk").n())).toList();
    }

    @Test
    void a_partition_comes_back_in_sort_key_order_either_way() {
        var p = Map.of(":p", AttributeValue.fromS("p"));
        assertThat(sortKeys(query("pk = :p", p, true, null).items())).isSorted().hasSize(30);
        List<Integer> backwards = sortKeys(query("pk = :p", p, false, null).items());
        assertThat(backwards.get(0)).isEqualTo(29);
        assertThat(backwards).hasSize(30);
    }

    @Test
    void sort_key_conditions_select_their_range() {
        var values = Map.of(":p", AttributeValue.fromS("p"), ":lo", AttributeValue.fromN("10"), ":hi", AttributeValue.fromN("12"));
        assertThat(sortKeys(query("pk = :p AND sk BETWEEN :lo AND :hi", values, true, null).items())).containsExactly(10, 11, 12);
        assertThat(sortKeys(query("pk = :p AND sk < :lo", Map.of(":p", values.get(":p"), ":lo", values.get(":lo")), true, null)
                .items())).hasSize(10);
        assertThat(sortKeys(query("pk = :p AND sk >= :hi", Map.of(":p", values.get(":p"), ":hi", values.get(":hi")), false, 2)
                .items())).containsExactly(29, 28);
    }

    @Test
    void a_page_that_stops_at_its_limit_says_where_to_go_on_even_at_the_end() {
        var values = Map.of(":p", AttributeValue.fromS("p"));
        List<Integer> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(values).limit(10).exclusiveStartKey(from));
            all.addAll(sortKeys(page.items()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(all).hasSize(30).isSorted();
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void between_includes_both_bounds_and_begins_with_selects_by_utf8_prefix() {
        String strings = Target.table(ScalarAttributeType.S);
        for (String sk : List.of("pre", "prefix", "prefix\u00ff", "prefix\uD83D\uDE00", "prefiy", "prf", "\uFFFF")) {
            dynamo.putItem(b -> b.tableName(strings).item(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS(sk))));
        }
        QueryResponse prefixed = dynamo.query(b -> b.tableName(strings).keyConditionExpression("pk = :p AND begins_with(sk, :x)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"), ":x", AttributeValue.fromS("prefix"))));
        assertThat(prefixed.items()).extracting(item -> item.get("sk").s())
                .containsExactly("prefix", "prefix\u00ff", "prefix\uD83D\uDE00");
        QueryResponse between = dynamo.query(b -> b.tableName(strings).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"), ":a", AttributeValue.fromS("prefix"),
                        ":b", AttributeValue.fromS("prefiy"))));
        assertThat(between.items()).extracting(item -> item.get("sk").s()).first().isEqualTo("prefix");
        assertThat(between.items()).extracting(item -> item.get("sk").s()).last().isEqualTo("prefiy");
        QueryResponse highest = dynamo.query(b -> b.tableName(strings).keyConditionExpression("pk = :p AND begins_with(sk, :x)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"), ":x", AttributeValue.fromS("\uFFFF"))));
        assertThat(highest.items()).hasSize(1);

        String binaries = Target.table(ScalarAttributeType.B);
        for (byte[] sk : List.of(new byte[] {1, (byte) 0xFF}, new byte[] {1, (byte) 0xFF, 0}, new byte[] {2}, new byte[] {1, 0x7F})) {
            dynamo.putItem(b -> b.tableName(binaries).item(Map.of("pk", AttributeValue.fromS("p"),
                    "sk", AttributeValue.fromB(SdkBytes.fromByteArray(sk)))));
        }
        QueryResponse bytes = dynamo.query(b -> b.tableName(binaries).keyConditionExpression("pk = :p AND begins_with(sk, :x)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"),
                        ":x", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, (byte) 0xFF})))));
        assertThat(bytes.items()).extracting(item -> item.get("sk").b().asByteArray().length).containsExactly(2, 3);
    }

    @Test
    void legacy_key_conditions_and_query_filters_select_as_expressions_do() {
        QueryResponse found = dynamo.query(b -> b.tableName(table)
                .keyConditions(Map.of(
                        "pk", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(AttributeValue.fromS("p")).build(),
                        "sk", Condition.builder().comparisonOperator(ComparisonOperator.BETWEEN)
                                .attributeValueList(AttributeValue.fromN("10"), AttributeValue.fromN("12")).build()))
                .queryFilter(Map.of("rank", Condition.builder().comparisonOperator(ComparisonOperator.GT)
                        .attributeValueList(AttributeValue.fromN("89")).build())));
        assertThat(found.scannedCount()).isEqualTo(3);
        assertThat(sortKeys(found.items())).containsExactly(10);
        ScanResponse missing = dynamo.scan(b -> b.tableName(table).scanFilter(Map.of("group", Condition.builder()
                .comparisonOperator(ComparisonOperator.NOT_CONTAINS).attributeValueList(AttributeValue.fromS("x")).build())));
        assertThat(missing.count()).as("a missing attribute matches no NOT_CONTAINS").isEqualTo(10);
    }

    @Test
    void limit_counts_items_read_before_the_filter() {
        QueryResponse page = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .filterExpression("even = :t").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"),
                        ":t", AttributeValue.fromBool(true))).limit(10));
        assertThat(page.scannedCount()).isEqualTo(10);
        assertThat(page.count()).isEqualTo(5);
        assertThat(page.lastEvaluatedKey()).containsKeys("pk", "sk");
    }

    @Test
    void select_count_answers_counts_without_items() {
        QueryResponse counted = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))).select(Select.COUNT));
        assertThat(counted.count()).isEqualTo(30);
        assertThat(counted.hasItems()).isFalse();
    }

    @Test
    void a_key_condition_on_the_sort_key_alone_is_refused() {
        assertThatThrownBy(() -> query("sk = :s", Map.of(":s", AttributeValue.fromN("1")), true, null))
                .hasMessageContaining("pk");
        assertThatThrownBy(() -> query("pk = :p", Map.of(":p", AttributeValue.fromN("1")), true, null))
                .hasMessageContaining("type");
    }

    @Test
    void a_sparse_global_index_holds_only_items_with_its_key_and_projects_keys_only() {
        QueryResponse found = dynamo.query(b -> b.tableName(table).indexName("by-group").keyConditionExpression("#g = :g")
                .expressionAttributeNames(Map.of("#g", "group"))
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("thirds"))));
        assertThat(sortKeys(found.items())).containsExactly(0, 3, 6, 9, 12, 15, 18, 21, 24, 27);
        assertThat(found.items().get(0)).containsOnlyKeys("pk", "sk", "group");
    }

    @Test
    void a_local_index_orders_the_partition_by_its_own_sort_key() {
        QueryResponse found = dynamo.query(b -> b.tableName(table).indexName("by-rank").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))).limit(3));
        assertThat(sortKeys(found.items())).containsExactly(29, 28, 27);
        assertThat(found.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "rank");
    }

    @Test
    void a_local_index_reads_the_attributes_it_does_not_hold_from_the_table() {
        String keysOnly = Target.create(CreateTableRequest.builder().tableName(Target.tableName())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(Target.definition("pk", ScalarAttributeType.S), Target.definition("sk", ScalarAttributeType.N),
                        Target.definition("rank", ScalarAttributeType.N))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-rank")
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("rank").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .build());
        dynamo.putItem(b -> b.tableName(keysOnly).item(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromN("1"),
                "rank", AttributeValue.fromN("7"), "detail", AttributeValue.fromS("kept in the table only"))));
        QueryResponse found = dynamo.query(b -> b.tableName(keysOnly).indexName("by-rank").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))).projectionExpression("detail"));
        assertThat(found.items()).containsExactly(Map.of("detail", AttributeValue.fromS("kept in the table only")));
    }

    @Test
    void consistent_reads_of_a_global_index_are_refused() {
        assertThatThrownBy(() -> dynamo.query(b -> b.tableName(table).indexName("by-group").consistentRead(true)
                .keyConditionExpression("#g = :g").expressionAttributeNames(Map.of("#g", "group"))
                .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("thirds")))))
                .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void a_scan_in_pages_visits_every_item_once() {
        Set<String> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> b.tableName(table).limit(7).exclusiveStartKey(from));
            page.items().forEach(item -> assertThat(seen.add(item.get("pk").s() + "/" + item.get("sk").n())).isTrue());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(seen).hasSize(70);
    }

    @Test
    void parallel_scan_segments_are_disjoint_and_cover_the_table() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int s = segment;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = dynamo.scan(b -> b.tableName(table).segment(s).totalSegments(4).limit(9).exclusiveStartKey(from));
                for (var item : page.items()) {
                    seen.add(item.get("pk").s() + "/" + item.get("sk").n());
                    total++;
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        assertThat(total).isEqualTo(70);
        assertThat(seen).hasSize(70);
        assertThatThrownBy(() -> dynamo.scan(b -> b.tableName(table).segment(4).totalSegments(4)))
                .hasMessageContaining("Segment");
    }

    @Test
    void a_page_stops_after_one_megabyte_read() {
        String big = Target.table(ScalarAttributeType.N);
        String filler = "x".repeat(100 * 1024);
        for (int i = 0; i < 15; i++) {
            int n = i;
            dynamo.putItem(b -> b.tableName(big).item(Map.of("pk", AttributeValue.fromS("p"),
                    "sk", AttributeValue.fromN(Integer.toString(n)), "filler", AttributeValue.fromS(filler))));
        }
        QueryResponse first = dynamo.query(b -> b.tableName(big).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"))));
        assertThat(first.count()).isBetween(9, 11);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
    }
}
