package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The executable: {@code java -jar cruddur-messaging.jar <command>}; every command has {@code --help}. */
@Command(name = "cruddur-messaging", mixinStandardHelpOptions = true, version = "cruddur-messaging 0.1.0",
        description = "Direct messaging for Cruddur: the HTTP host and the reference's operator scripts.",
        subcommands = {ServeCommand.class, EnginesCommand.class, DdbCommand.class, DbCommand.class, CognitoCommand.class,
            CommandLine.HelpCommand.class})
public final class CruddurCommand extends CommandGroup {
    private final Map<String, String> environment;

    CruddurCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The command line over an environment; failures print their message (no stack trace) and exit 1. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new CruddurCommand(environment));
        commandLine.setExecutionExceptionHandler((failure, failed, parsed) -> {
            String codes = failure instanceof MessagingException refused
                    ? " " + refused.codes().stream().map(ErrorCode::code).toList() : "";
            failed.getErr().println("error: " + failure.getMessage() + codes);
            return 1;
        });
        return commandLine;
    }

    public static void main(String[] args) {
        // Endpoints come from our own settings (AWS_ENDPOINT_URL for DynamoDB only, and --prod
        // ignores it); the SDK must not apply AWS_ENDPOINT_URL to every client on its own.
        System.setProperty("aws.ignoreConfiguredEndpointUrls", "true");
        System.exit(commandLine(System.getenv()).execute(args));
    }
}
