package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.app.embedded.EmbeddedEngines;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Runs DynamoDB Local and PostgreSQL alone, on 127.0.0.1, and prints the export lines that point"
                + " the other commands, boto3 scripts and aws-mode hosts at them. Ctrl-C stops both.")
final class EnginesCommand implements Callable<Integer> {
    @ParentCommand
    CruddurCommand root;

    @Option(names = "--dynamodb-port", defaultValue = "" + EmbeddedEngines.DEFAULT_DYNAMODB_PORT,
            description = "the port of DynamoDB Local (default: ${DEFAULT-VALUE})")
    int dynamoPort;

    @Option(names = "--postgres-port", defaultValue = "" + EmbeddedEngines.DEFAULT_POSTGRES_PORT,
            description = "the port of PostgreSQL (default: ${DEFAULT-VALUE})")
    int postgresPort;

    @Option(names = "--data-dir", defaultValue = "./.cruddur",
            description = "where both keep their data (default: ${DEFAULT-VALUE})")
    Path dataDirectory;

    @Option(names = "--throwaway", description = "keep nothing; data lives in memory and a temporary folder")
    boolean throwaway;

    @Override
    public Integer call() throws Exception {
        EmbeddedEngines engines = EmbeddedEngines.start(throwaway ? Optional.empty() : Optional.of(dataDirectory),
                dynamoPort, postgresPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engines.close();
            stopped.countDown();
        }, "cruddur-engines-shutdown"));
        engines.exports().forEach(System.out::println);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
