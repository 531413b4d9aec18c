package io.cruddur.messaging.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The executable: {@code java -jar cruddur-messaging.jar <command>}. */
@Command(name = "cruddur-messaging", mixinStandardHelpOptions = true, version = "cruddur-messaging 0.1.0",
        description = "Direct messaging for Cruddur: the HTTP host and the reference's operator scripts.",
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class CruddurCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CruddurCommand()).execute(args));
    }
}
