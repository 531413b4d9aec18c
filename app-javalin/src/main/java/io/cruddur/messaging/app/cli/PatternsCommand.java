package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.PatternReports;
import io.cruddur.messaging.app.wiring.TableTools;
import io.cruddur.messaging.app.wiring.UserTools;
import io.cruddur.messaging.core.domain.Counterpart;
import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = "The queries that list a group's messages and a user's conversations, printed readably"
                + " with the capacity they consumed.",
        subcommands = {PatternsCommand.GetConversation.class, PatternsCommand.ListConversations.class})
final class PatternsCommand extends CommandGroup {
    @ParentCommand
    DdbCommand ddb;

    /** What both pattern commands share. */
    abstract static class PatternCommand implements Callable<Integer> {
        @ParentCommand
        PatternsCommand patterns;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--prod", description = "use AWS, ignoring AWS_ENDPOINT_URL")
        boolean prod;

        @Option(names = "--limit", defaultValue = "20", description = "how many rows (default: ${DEFAULT-VALUE})")
        int limit;

        DynamoDbSettings settings() {
            return OperatorEnvironment.dynamo(patterns.ddb.environment(), prod);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void capacity(double units) {
            out().printf("consumed capacity: %.1f read units%n", units);
        }
    }

    @Command(name = "get-conversation", mixinStandardHelpOptions = true,
            description = "The newest messages of a group, oldest first.")
    static final class GetConversation extends PatternCommand {
        @Parameters(paramLabel = "<message_group_uuid>")
        String group;

        @Override
        public Integer call() {
            DynamoDbSettings settings = settings();
            try (TableTools tools = TableTools.create(settings)) {
                PatternReports.Report<Message> report = tools.reports().conversation(MessageGroupId.parse(group), limit);
                List<Message> oldestFirst = new ArrayList<>(report.items());
                Collections.reverse(oldestFirst);
                oldestFirst.forEach(message -> out().printf("%s  %-16s %s%n", message.createdAt(),
                        message.sender().handle(), message.text()));
                capacity(report.capacityUnits());
            }
            return 0;
        }
    }

    @Command(name = "list-conversations", mixinStandardHelpOptions = true,
            description = "A user's conversations, most recent first (the user from CONNECTION_URL's directory).")
    static final class ListConversations extends PatternCommand {
        @Parameters(paramLabel = "<handle>")
        String handle;

        @Override
        public Integer call() {
            DynamoDbSettings settings = settings();
            try (UserTools users = UserTools.create(OperatorEnvironment.userDatabase(patterns.ddb.environment()));
                    TableTools tools = TableTools.create(settings)) {
                var owner = DdbCommands.user(users.users(), handle);
                PatternReports.Report<MessageGroupRow> report = tools.reports().conversations(owner.id(), limit);
                report.items().forEach(row -> out().printf("%s  %s  with %-16s %s%n", row.lastMessageAt(), row.groupId(),
                        shown(row.counterpart()), row.lastMessage()));
                capacity(report.capacityUnits());
            }
            return 0;
        }
    }

    /** A pair's other member by handle, a group by its name. */
    private static String shown(Counterpart counterpart) {
        return counterpart instanceof Counterpart.Person person ? person.user().handle().toString()
                : counterpart.displayName();
    }
}
