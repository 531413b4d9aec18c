package io.cruddur.messaging.app.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The executable jar as a process of its own, as an operator runs it: its output kept in memory
 * (to wait for a line) and in {@code target/fleet/{name}.log} (to read after a failure).
 */
final class JarProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("cruddur.jar", "target/cruddur-messaging.jar"));
    private static final Path LOGS = Path.of("target", "fleet");

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private JarProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::read, "output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static JarProcess start(String name, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:+UseSerialGC", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(LOGS);
            return new JarProcess(name, builder.start());
        } catch (IOException failed) {
            throw new UncheckedIOException("could not start " + name, failed);
        }
    }

    /** The first line of output that matches, waiting for it at most {@code bound}. */
    String awaitLine(Predicate<String> wanted, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " printed no such line within " + bound + "; see " + log());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Stops it as Ctrl-C or a service manager would (SIGTERM), waiting for a clean exit. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not stop within 60 s; see " + log());
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Path log() {
        return LOGS.resolve(name + ".log").toAbsolutePath();
    }

    private void read() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
                file.println(line);
                file.flush();
            }
        } catch (IOException ended) {
            lines.add("(output ended: " + ended.getMessage() + ")");
        }
    }
}
