package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.app.embedded.EmbeddedEngines;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "engines", mixinStandardHelpOptions = true,
        description = "Runs the DynamoDB engine and PostgreSQL alone, on 127.0.0.1, and prints the export lines that point"
                + " the other commands, boto3 scripts and aws-mode hosts at them. Ctrl-C stops both.")
final class EnginesCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engines;

    @Override
    public Integer call() throws Exception {
        EmbeddedEngines running = EmbeddedEngines.start(engines.data(), engines.dynamoPort, engines.postgresPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "cruddur-engines-shutdown"));
        running.exports().forEach(System.out::println);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
