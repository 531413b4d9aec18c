package io.cruddur.engine.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients other than the Java SDK that talk to the engine: the bootcamp's boto3 calls and the
 * AWS CLI. They need Python with boto3 and the {@code aws} command; CI has both (it fails without
 * them), elsewhere these tests are skipped when they are missing.
 */
class ClientToolsTest {
    @TempDir
    Path scratch;

    private static boolean available(String... command) {
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void require(boolean present, String what) {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, what + " is not installed");
        }
        assertThat(present).as(what + " is installed").isTrue();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.remove("AWS_PROFILE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void the_bootcamps_boto3_scripts_and_its_lambdas_queries_run_unchanged() throws Exception {
        String endpoint = Target.engine().endpoint().toString();
        require(available("python3", "-c", "import boto3"), "Python 3 with boto3");
        Path script = scratch.resolve("bootcamp_scripts.py");
        try (InputStream source = ClientToolsTest.class.getResourceAsStream("/reference/bootcamp_scripts.py")) {
            Files.copy(source, script);
        }
        assertThat(run(List.of("python3", script.toString(), endpoint))).contains("the bootcamp's boto3 calls passed");
    }

    @Test
    void the_aws_cli_lists_describes_writes_and_scans() throws Exception {
        String endpoint = Target.engine().endpoint().toString();
        require(available("aws", "--version"), "the AWS CLI");
        String table = Target.table(null);
        List<String> listTables = new ArrayList<>(List.of("aws", "dynamodb", "list-tables", "--endpoint-url", endpoint));
        assertThat(run(listTables)).contains(table);
        assertThat(run(List.of("aws", "dynamodb", "describe-table", "--table-name", table, "--endpoint-url", endpoint,
                "--query", "Table.TableStatus", "--output", "text"))).contains("ACTIVE");
        run(List.of("aws", "dynamodb", "put-item", "--table-name", table, "--endpoint-url", endpoint,
                "--item", "{\"pk\":{\"S\":\"from-the-cli\"}}"));
        assertThat(run(List.of("aws", "dynamodb", "scan", "--table-name", table, "--endpoint-url", endpoint,
                "--query", "Count", "--output", "text")).strip()).isEqualTo("1");
    }
}
