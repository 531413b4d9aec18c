package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The JSON 1.0 protocol as the SDKs and the AWS CLI speak it. */
class ProtocolTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint = Target.engine().endpoint();

    private HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", target).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_answer_carries_its_crc32_and_a_request_id() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(52));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    }

    @Test
    void errors_name_their_type_after_a_hash_with_status_400() throws Exception {
        HttpResponse<String> missing = post("DynamoDB_20120810.DescribeTable", "{\"TableName\":\"no-such-table\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("#ResourceNotFoundException").contains("\"message\"");
        HttpResponse<String> unknown = post("DynamoDB_20120810.NoSuchThing", "{}");
        assertThat(unknown.body()).contains("#UnknownOperationException");
        HttpResponse<String> malformed = post("DynamoDB_20120810.ListTables", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("#SerializationException");
    }

    @Test
    void a_request_answered_in_process_is_the_same_json_and_refuses_the_same_way() {
        String listed = Target.engine().call("DynamoDB_20120810.ListTables", "{\"Limit\":1}");
        assertThat(listed).startsWith("{\"TableNames\":[");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Target.engine().call("DynamoDB_20120810.DescribeTable",
                "{\"TableName\":\"no-such-table\"}"))
                .isInstanceOfSatisfying(io.cruddur.engine.dynamodb.model.ApiException.class,
                        refused -> assertThat(refused.errorType()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void tagging_answers_with_no_body_at_all() throws Exception {
        String table = Target.table(software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S);
        String arn = Target.dynamo().describeTable(b -> b.tableName(table)).table().tableArn();
        HttpResponse<String> tagged = post("DynamoDB_20120810.TagResource",
                "{\"ResourceArn\":\"" + arn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        assertThat(tagged.statusCode()).isEqualTo(200);
        assertThat(tagged.body()).isEmpty();
        HttpResponse<String> untagged = post("DynamoDB_20120810.UntagResource",
                "{\"ResourceArn\":\"" + arn + "\",\"TagKeys\":[\"k\"]}");
        assertThat(untagged.body()).isEmpty();
    }

    @Test
    void a_plain_get_answers_that_the_engine_is_healthy() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("healthy:");
    }
}
