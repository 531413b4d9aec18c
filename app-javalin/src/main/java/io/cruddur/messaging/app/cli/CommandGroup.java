package io.cruddur.messaging.app.cli;

import picocli.CommandLine;

/** A command that only groups others: run alone, it shows its usage. */
abstract class CommandGroup implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
