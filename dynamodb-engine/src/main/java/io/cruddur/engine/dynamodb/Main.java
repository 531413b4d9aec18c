package io.cruddur.engine.dynamodb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine on its own:
 * {@code java -jar dynamodb-engine.jar [--port 8000] [--data-dir DIR] [--region us-east-1] [--sync]}.
 * Prints the endpoint once it listens; stops cleanly on Ctrl-C or SIGTERM, saving its data.
 */
public final class Main {
    private Main() {
    }

    /**
     * Starts the engine with the given options and waits until the process is told to stop.
     *
     * @param args the command-line options
     * @throws InterruptedException when interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        DynamoDbEngine.Builder builder = DynamoDbEngine.builder().port(8000);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                case "--data-dir" -> builder.dataDirectory(Path.of(value(args, ++i)));
                case "--region" -> builder.region(value(args, ++i));
                case "--sync" -> builder.syncWrites(true);
                default -> {
                    System.err.println("usage: [--port 8000] [--data-dir DIR] [--region us-east-1] [--sync]");
                    System.exit(2);
                }
            }
        }
        DynamoDbEngine engine = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }));
        System.out.println("DynamoDB engine listening on " + engine.endpoint());
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("missing value after " + args[i - 1]);
            System.exit(2);
        }
        return args[i];
    }
}
