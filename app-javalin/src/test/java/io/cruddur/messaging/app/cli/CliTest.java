package io.cruddur.messaging.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.app.CognitoLocal;
import io.cruddur.messaging.app.EngineExports;
import io.cruddur.messaging.app.Ports;
import io.cruddur.messaging.app.embedded.EmbeddedEngines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The operator commands against real engines: the DynamoDB engine and PostgreSQL (throwaway), and
 * cognito-local standing in for Cognito.
 */
class CliTest {
    private static EmbeddedEngines engines;
    private static CognitoLocal cognito;
    private static CognitoLocal.Pool pool;
    private static Map<String, String> environment;

    @BeforeAll
    static void start() throws IOException {
        engines = EmbeddedEngines.start(Optional.empty(), Ports.free(), 0);
        cognito = CognitoLocal.start(Ports.free());
        pool = cognito.createPool("cli");
        for (String handle : List.of("andrewbrown", "bayko", "ghost")) {
            cognito.createUser(pool, handle);
        }
        Map<String, String> variables = new HashMap<>(pool.environment(cognito.endpoint()));
        variables.putAll(EngineExports.parse(engines.exports()));
        variables.put("DDB_MESSAGE_TABLE", "cli-messages");
        environment = Map.copyOf(variables);
        assertThat(run("db", "setup").exitCode()).isZero();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        engines.close();
    }

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void schema_load_creates_the_table_once_and_list_tables_shows_it() {
        Run first = run("ddb", "schema-load");
        Run again = run("ddb", "schema-load");

        assertThat(first.out()).contains("created table cli-messages");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already exists");
        assertThat(run("ddb", "list-tables").out()).contains("cli-messages");
    }

    @Test
    void db_setup_is_idempotent() {
        assertThat(run("db", "setup").out()).contains("migrations applied: 0, demo users added: 0");
    }

    @Test
    void seed_then_patterns_and_scan_show_the_conversation_with_its_cost() {
        run("ddb", "schema-load");

        Run seeded = run("ddb", "seed", "--messages", "40", "--from", "londo", "--to", "altair");
        String group = seeded.out().substring(seeded.out().lastIndexOf("group ") + 6).strip();
        Run conversation = run("ddb", "patterns", "get-conversation", group, "--limit", "5");
        Run conversations = run("ddb", "patterns", "list-conversations", "@altair");
        Run scan = run("ddb", "scan", "--page-size", "7");

        assertThat(seeded.exitCode()).isZero();
        assertThat(seeded.out()).contains("40/40", "seeded 40 messages");
        assertThat(conversation.out()).contains("Seeded message 36 of 40", "Seeded message 40 of 40",
                "consumed capacity:").doesNotContain("Seeded message 35 of 40");
        assertThat(conversations.out()).contains(group, "with @londo", "Seeded message 40 of 40", "consumed capacity:");
        assertThat(scan.out()).contains("Seeded message 1 of 40").containsPattern("\\d+ items");
    }

    @Test
    void drop_asks_for_confirmation_and_refuses_without_it() {
        run("ddb", "schema-load");

        Run refused = run("ddb", "drop", "cli-messages");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).contains("not dropped");
        assertThat(run("ddb", "list-tables").out()).contains("cli-messages");

        assertThat(run("ddb", "drop", "cli-messages", "--yes").out()).contains("dropped table cli-messages");
        assertThat(run("ddb", "list-tables").out()).doesNotContain("cli-messages");
    }

    @Test
    void cognito_users_are_listed_and_their_ids_assigned_by_handle() {
        Run listed = run("cognito", "list-users");
        Run updated = run("db", "update-cognito-user-ids");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("andrewbrown", "andrewbrown@example.org", "bayko", "ghost@example.org");
        assertThat(updated.out()).contains("updated 2 users; unknown handles: [@ghost]");
    }

    @Test
    void an_unknown_handle_is_an_error_with_its_code_not_a_stack_trace() {
        run("ddb", "schema-load");

        Run failed = run("ddb", "seed", "--from", "nobody");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("handle_not_found").doesNotContain("Exception");
    }

    @Test
    void generated_users_are_refused_where_nobody_could_sign_in_as_them() {
        Run refused = run("serve", "--mode", "aws", "--generated-users", "10");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("--generated-users").doesNotContain("Exception");
    }

    @Test
    void only_aws_mode_hosts_take_part_in_stream_processing() {
        for (String mode : new String[] {"memory", "embedded"}) {
            Run refused = run("serve", "--mode", mode, "--stream-worker");

            assertThat(refused.exitCode()).as(mode).isEqualTo(1);
            assertThat(refused.err()).as(mode).contains("--stream-worker is for aws mode").doesNotContain("Exception");
        }
    }

    @Test
    void every_command_answers_help_without_running() {
        run("ddb", "schema-load");
        List<List<String>> commands = commandPaths(CruddurCommand.commandLine(environment), List.of());
        assertThat(commands).as("the tree walked").contains(List.of("serve"), List.of("engines"),
                List.of("ddb", "drop"), List.of("ddb", "patterns", "get-conversation"),
                List.of("db", "update-cognito-user-ids"), List.of("cognito", "list-users"));

        for (List<String> command : commands) {
            List<String> arguments = new ArrayList<>(command);
            arguments.add("--help");
            Run help = run(arguments.toArray(String[]::new));

            String name = String.join(" ", command);
            assertThat(help.exitCode()).as(name).isZero();
            assertThat(help.out()).as(name).contains("Usage: cruddur-messaging " + name + " ", "-h, --help");
            assertThat(help.err()).as(name).isEmpty();
        }
        assertThat(run("ddb", "list-tables").out()).as("ddb drop --help dropped nothing").contains("cli-messages");
    }

    /** Every command below {@code command}, each as the words that name it. */
    private static List<List<String>> commandPaths(CommandLine command, List<String> path) {
        List<List<String>> paths = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                paths.add(subPath);
                paths.addAll(commandPaths(sub, subPath));
            }
        });
        return paths;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CruddurCommand.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
