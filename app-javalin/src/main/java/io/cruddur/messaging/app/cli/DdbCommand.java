package io.cruddur.messaging.app.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "ddb", mixinStandardHelpOptions = true,
        description = "The message table: schema-load, list-tables, drop, seed, scan, patterns.",
        subcommands = {DdbCommands.SchemaLoad.class, DdbCommands.ListTables.class, DdbCommands.Drop.class,
            DdbCommands.Seed.class, DdbCommands.Scan.class, PatternsCommand.class})
final class DdbCommand extends CommandGroup {
    @ParentCommand
    CruddurCommand root;

    Map<String, String> environment() {
        return root.environment();
    }
}
