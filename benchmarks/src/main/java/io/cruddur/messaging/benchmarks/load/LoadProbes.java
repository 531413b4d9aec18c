package io.cruddur.messaging.benchmarks.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The measurements the HTTP load run ({@code scripts/load/run.sh}) takes beside {@code wrk}: the
 * raw DynamoDB Query floor under the two listings, the group rows' lag, and write units per message;
 * and beside a local fleet ({@code scripts/fleet/run.sh measure}): live events across hosts, the
 * takeover of the stream, news through PostgreSQL. Each prints one line that starts with a
 * keyword, for the script to read.
 */
@Command(name = "load-probes", mixinStandardHelpOptions = true,
        subcommands = {QueryFloor.class, StreamLag.class, WriteUnits.class, SendLoad.class, NewsRate.class,
            EventLatency.class, RowsFollow.class},
        description = "Measurements beside the HTTP load run.")
public final class LoadProbes implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadProbes()).execute(args));
    }
}
