package io.cruddur.messaging.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sends at a fixed rate (unlike wrk, which sends as fast as its connections allow), into random
 * groups of the load run's pairs file, so the refresh of group rows can be measured at a chosen fraction of the
 * rate that saturates the storage.
 */
@Command(name = "send-load", mixinStandardHelpOptions = true,
        description = "Sends messages at a fixed rate. Prints: SENT <messages> <per second> <errors>")
final class SendLoad implements Callable<Integer> {
    private static final int IN_FLIGHT = 64;

    @Option(names = "--url", required = true, description = "the host, e.g. http://localhost:4600")
    URI url;

    @Option(names = "--pairs", required = true, description = "lines of '<token> <group uuid>'")
    Path pairs;

    @Option(names = "--rate", required = true, description = "messages per second")
    double rate;

    @Option(names = "--duration", defaultValue = "PT60S", description = "ISO-8601, default: ${DEFAULT-VALUE}")
    Duration duration;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        List<String[]> senders = Files.readAllLines(pairs).stream().filter(line -> !line.isBlank())
                .map(line -> line.strip().split(" ")).toList();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!slots.tryAcquire()) {
                errors.incrementAndGet();
                continue;
            }
            String[] pair = senders.get(ThreadLocalRandom.current().nextInt(senders.size()));
            String body = "{\"message\":\"load " + UUID.randomUUID() + "\",\"message_group_uuid\":\"" + pair[1] + "\"}";
            http.sendAsync(HttpRequest.newBuilder(url.resolve("/api/messages"))
                            .header("Authorization", "Bearer " + pair[0]).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        slots.release();
                        if (failure == null && response.statusCode() == 200) {
                            sent.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    });
        }
        slots.acquire(IN_FLIGHT);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("SENT %d %.1f %d%n", sent.get(), sent.get() / seconds, errors.get());
        return 0;
    }
}
