package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import io.cruddur.messaging.app.wiring.TableTools;
import io.cruddur.messaging.app.wiring.UserTools;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The reference's {@code bin/ddb} scripts. {@code --prod} talks to AWS even when {@code AWS_ENDPOINT_URL} is set. */
final class DdbCommands {
    private DdbCommands() {
    }

    /** What every table command shares: the parent's environment, {@code --prod}, and output. */
    abstract static class TableCommand implements Callable<Integer> {
        @ParentCommand
        DdbCommand ddb;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--prod", description = "use AWS, ignoring AWS_ENDPOINT_URL (the reference's 'prod' argument)")
        boolean prod;

        DynamoDbSettings settings() {
            return OperatorEnvironment.dynamo(ddb.environment(), prod);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "schema-load", mixinStandardHelpOptions = true,
            description = "Creates the message table with its GSI and stream, and waits until it is active.")
    static final class SchemaLoad extends TableCommand {
        @Option(names = "--provisioned", description = "5 read and 5 write units instead of on-demand billing")
        boolean provisioned;

        @Option(names = "--deletion-protection", description = "refuse deleting the table until this is turned off")
        boolean deletionProtection;

        @Override
        public Integer call() {
            DynamoDbSettings settings = settings();
            try (TableTools tools = TableTools.create(settings)) {
                TableAdmin.CreateOutcome outcome = tools.tables().createTable(settings.tableName(),
                        provisioned ? TableAdmin.Billing.PROVISIONED_5 : TableAdmin.Billing.ON_DEMAND, deletionProtection);
                out().println(outcome == TableAdmin.CreateOutcome.CREATED
                        ? "created table " + settings.tableName()
                        : "table " + settings.tableName() + " already exists");
            }
            return 0;
        }
    }

    @Command(name = "list-tables", mixinStandardHelpOptions = true, description = "Lists the tables.")
    static final class ListTables extends TableCommand {
        @Override
        public Integer call() {
            try (TableTools tools = TableTools.create(settings())) {
                tools.tables().listTables().forEach(out()::println);
            }
            return 0;
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = "Deletes a table, after confirmation; refuses a table with deletion protection.")
    static final class Drop extends TableCommand {
        @Parameters(paramLabel = "<table>", description = "the table to delete")
        String table;

        @Option(names = "--yes", description = "do not ask for confirmation")
        boolean yes;

        @Override
        public Integer call() {
            if (!yes && !confirmed()) {
                out().println("not dropped: confirm with --yes (or answer y when run in a terminal)");
                return 1;
            }
            try (TableTools tools = TableTools.create(settings())) {
                TableAdmin.DropOutcome outcome = tools.tables().dropTable(table);
                out().println(switch (outcome) {
                    case DROPPED -> "dropped table " + table;
                    case NOT_FOUND -> "no table " + table;
                    case DELETION_PROTECTED -> "not dropped: table " + table + " has deletion protection";
                });
                return outcome == TableAdmin.DropOutcome.DROPPED ? 0 : 1;
            }
        }

        private boolean confirmed() {
            var console = System.console();
            if (console == null) {
                return false;
            }
            String answer = console.readLine("Drop table %s? [y/N] ", table);
            return answer != null && answer.strip().equalsIgnoreCase("y");
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Writes a long conversation between two users of the directory (CONNECTION_URL), in batches.")
    static final class Seed extends TableCommand {
        private static final int BAR_WIDTH = 30;

        @Option(names = "--messages", defaultValue = "50", description = "how many messages (default: ${DEFAULT-VALUE})")
        int messages;

        @Option(names = "--from", defaultValue = "andrewbrown", description = "the first sender (default: ${DEFAULT-VALUE})")
        String from;

        @Option(names = "--to", defaultValue = "bayko", description = "the other member (default: ${DEFAULT-VALUE})")
        String to;

        @Override
        public Integer call() {
            DynamoDbSettings settings = settings();
            try (UserTools users = UserTools.create(OperatorEnvironment.userDatabase(ddb.environment()));
                    TableTools tools = TableTools.create(settings)) {
                User first = user(users.users(), from);
                User second = user(users.users(), to);
                var group = tools.seeder().seed(first, second, messages, Instant.now(), this::bar);
                out().println();
                out().println("seeded " + messages + " messages in group " + group);
            }
            return 0;
        }

        private void bar(int written) {
            int filled = written * BAR_WIDTH / messages;
            out().print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + written + "/" + messages);
            out().flush();
        }
    }

    @Command(name = "scan", mixinStandardHelpOptions = true, description = "Prints every item of the table, page by page.")
    static final class Scan extends TableCommand {
        @Option(names = "--page-size", defaultValue = "100", description = "items per request (default: ${DEFAULT-VALUE})")
        int pageSize;

        @Override
        public Integer call() {
            DynamoDbSettings settings = settings();
            try (TableTools tools = TableTools.create(settings)) {
                long items = tools.tables().scan(settings.tableName(), pageSize,
                        page -> page.items().forEach(out()::println));
                out().println(items + " items");
            }
            return 0;
        }
    }

    static User user(UserDirectoryPort users, String handle) {
        Handle parsed = Handle.parse(handle);
        return users.findByHandle(parsed).orElseThrow(() ->
                new MessagingException(ErrorCode.HANDLE_NOT_FOUND, "no user " + parsed + " in the directory"));
    }
}
