package io.cruddur.messaging.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The deployment template declares what the adapter relies on, and grants the function no more than it uses. */
class SamTemplateTest {
    private static final Path TEMPLATE = Path.of("src/main/sam/template.yaml");
    private final Map<String, Object> resources = map(load().get("Resources"));

    @Test
    void the_table_has_the_reference_keys_the_sparse_index_and_a_new_image_stream() {
        Map<String, Object> table = properties("MessagesTable");

        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST").containsEntry("DeletionProtectionEnabled", true);
        assertThat(table.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE")));
        Map<String, Object> index = map(list(table.get("GlobalSecondaryIndexes")).get(0));
        assertThat(index).containsEntry("IndexName", "message-group-sk-index");
        assertThat(index.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", "message_group_uuid", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE")));
        assertThat(index.get("Projection")).isEqualTo(Map.of("ProjectionType", "ALL"));
        assertThat(table.get("StreamSpecification")).isEqualTo(Map.of("StreamViewType", "NEW_IMAGE"));
    }

    @Test
    void the_function_runs_the_stream_handler_with_partial_batch_failures_and_bounded_retries() throws Exception {
        Map<String, Object> function = properties("RefreshMessageGroupsFunction");
        Map<String, Object> stream = map(map(map(function.get("Events")).get("MessageStream")).get("Properties"));

        assertThat(function).containsEntry("Runtime", "java17");
        String handlerClass = ((String) function.get("Handler")).split("::")[0];
        assertThat(RequestHandler.class.isAssignableFrom(Class.forName(handlerClass))).isTrue();
        assertThat(map(map(function.get("Events")).get("MessageStream"))).containsEntry("Type", "DynamoDB");
        assertThat(stream.get("Stream")).isEqualTo(Map.of("Fn::GetAtt", List.of("MessagesTable", "StreamArn")));
        assertThat(stream.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
        assertThat(stream).containsEntry("BisectBatchOnFunctionError", true);
        assertThat((Integer) stream.get("MaximumRetryAttempts")).isBetween(1, 10);
        assertThat(map(map(stream.get("DestinationConfig")).get("OnFailure")).get("Destination"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("RefreshFailures", "Arn")));
    }

    @Test
    void the_role_reaches_only_this_table_its_index_its_stream_and_the_failure_queue() {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(properties("RefreshMessageGroupsRole").get("Policies"))) {
            list(map(map(policy).get("PolicyDocument")).get("Statement")).forEach(statement -> statements.add(map(statement)));
        }

        assertThat(statements).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement).containsEntry("Effect", "Allow");
            assertThat(String.valueOf(statement.get("Action"))).doesNotContain("*");
            assertThat(String.valueOf(statement.get("Resource"))).doesNotContain("\"*\"").isNotEqualTo("*")
                    .containsAnyOf("MessagesTable", "RefreshFailures");
        });
        assertThat(statements).filteredOn(statement -> String.valueOf(statement.get("Action")).contains("PutItem"))
                .singleElement()
                .satisfies(writes -> assertThat(String.valueOf(writes.get("Condition"))).contains("GRP#*"));
        List<Map<String, Object>> queries = statements.stream()
                .filter(statement -> String.valueOf(statement.get("Action")).contains("Query")).toList();
        assertThat(queries).as("the index for a group's rows; the table only for a group's messages (counting unread)")
                .hasSize(2)
                .anySatisfy(query -> assertThat(String.valueOf(query.get("Resource")))
                        .contains("/index/" + "message-group-sk-index"))
                .anySatisfy(query -> assertThat(String.valueOf(query.get("Condition"))).contains("MSG#*"));
    }

    @Test
    void news_for_the_hosts_is_published_only_when_a_connection_url_is_given() {
        Map<String, Object> template = load();
        Map<String, Object> variables = map(map(properties("RefreshMessageGroupsFunction").get("Environment"))
                .get("Variables"));

        assertThat(map(map(template.get("Parameters")).get("ConnectionUrl")))
                .containsEntry("NoEcho", true).containsEntry("Default", "");
        assertThat(variables.get("CONNECTION_URL")).isEqualTo(Map.of("Fn::If",
                List.of("PublishesNews", Map.of("Ref", "ConnectionUrl"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(map(template.get("Conditions"))).containsKeys("PublishesNews", "InVpc");
    }

    private Map<String, Object> properties(String resource) {
        return map(map(resources.get(resource)).get("Properties"));
    }

    private static Map<String, Object> load() {
        try (Reader reader = Files.newBufferedReader(TEMPLATE)) {
            return new Yaml().load(reader);
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read " + TEMPLATE.toAbsolutePath(), unreadable);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<?>) node;
    }
}
