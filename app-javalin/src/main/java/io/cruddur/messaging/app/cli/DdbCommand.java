package io.cruddur.messaging.app.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "ddb", mixinStandardHelpOptions = true,
        description = "The message table: schema-load, list-tables, drop, seed, scan, patterns.",
        subcommands = {DdbCommands.SchemaLoad.class, DdbCommands.ListTables.class, DdbCommands.Drop.class,
            DdbCommands.Seed.class, DdbCommands.Scan.class, PatternsCommand.class})
final class DdbCommand implements Runnable {
    @ParentCommand
    CruddurCommand root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Map<String, String> environment() {
        return root.environment();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
