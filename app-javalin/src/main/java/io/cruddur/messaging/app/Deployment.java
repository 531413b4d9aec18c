package io.cruddur.messaging.app;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.kcl.KclSettings;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.embedded.EmbeddedEngines;
import io.cruddur.messaging.app.http.HttpApi;
import io.cruddur.messaging.app.wiring.AwsHost;
import io.cruddur.messaging.app.wiring.EmbeddedHost;
import io.cruddur.messaging.app.wiring.MemoryHost;
import io.cruddur.messaging.app.wiring.TableHost;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.usecase.Messaging;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One running host: the port it listens on, its facade and feed of new messages, and what to
 * stop, in order (stop taking requests and finish those under way, stop the feed, send the news
 * still queued, close storage, stop embedded engines).
 */
public final class Deployment implements AutoCloseable {
    private final int port;
    private final HttpApi http;
    private final Messaging messaging;
    private final NewMessageFeed newMessageFeed;
    private final List<String> engineExports;
    private final Runnable stop;

    private Deployment(HttpApi http, Messaging messaging, NewMessageFeed newMessageFeed, List<String> engineExports,
            Runnable stop) {
        this.port = http.start();
        this.http = http;
        this.messaging = messaging;
        this.newMessageFeed = newMessageFeed;
        this.engineExports = List.copyOf(engineExports);
        this.stop = stop;
    }

    /** The port the HTTP API listens on. */
    public int port() {
        return port;
    }

    /** The port {@code GET /metrics} listens on, when it is served. */
    public OptionalInt metricsPort() {
        return http.metricsPort();
    }

    public Messaging messaging() {
        return messaging;
    }

    /** Adds {@code @user1} to {@code @user<count>} where missing, for load runs that need many users. */
    public void addGeneratedUsers(int count) {
        DemoData.seedUsers(DemoData.generatedUsers(count), messaging.listUsers(), messaging::registerUser);
    }

    /** In the embedded mode, the shell lines that point other tools at its engines; none otherwise. */
    public List<String> engineExports() {
        return engineExports;
    }

    /** Where the group rows learn of new messages: the store itself in memory, the table's stream otherwise. */
    public NewMessageFeed newMessageFeed() {
        return newMessageFeed;
    }

    @Override
    public void close() {
        stop.run();
    }

    /** Everything in memory, seeded. */
    public static Deployment memory(HostConfig config) {
        MemoryHost host = MemoryHost.create(config);
        DemoData.seedUsers(DemoData.DEMO_USERS, host.messaging().listUsers(), host.messaging()::registerUser);
        DemoData.seedConversation(host.messaging());
        return new Deployment(host.http(), host.messaging(), host.newMessageFeed(), List.of(), () -> {
            host.http().stop();
            host.messaging().close();
        });
    }

    /** the DynamoDB engine and PostgreSQL inside the process; tables, schema and demo data created when missing. */
    public static Deployment embedded(HostConfig config, Optional<Path> dataDirectory, int dynamoPort, int postgresPort,
            String table) throws IOException {
        EmbeddedEngines engines = EmbeddedEngines.start(dataDirectory, dynamoPort, postgresPort);
        try {
            EmbeddedHost host = EmbeddedHost.create(config, engines.dynamoSettings(table), engines.postgresSettings());
            host.tables().createTable(table, TableAdmin.Billing.ON_DEMAND, false);
            UserDatabase.migrate(host.pool());
            DemoData.seedUsers(DemoData.DEMO_USERS, host.messaging().listUsers(), host.messaging()::registerUser);
            DemoData.seedConversation(host.messaging());
            return onTables(host, engines.exports(), () -> { }, engines::close);
        } catch (RuntimeException failed) {
            engines.close();
            throw failed;
        }
    }

    /**
     * DynamoDB and PostgreSQL from the environment; nothing created, nothing seeded. With
     * {@code streamWorker} the host is one of the table's KCL stream workers (named by
     * {@code STREAM_WORKER_ID}, else this machine's name and the HTTP port); without it, it reads no
     * stream.
     */
    public static Deployment aws(HostConfig config, Map<String, String> environment, boolean streamWorker) {
        DynamoDbSettings table = DynamoDbSettings.fromEnvironment(environment);
        Optional<KclSettings> worker = streamWorker
                ? Optional.of(KclSettings.fromEnvironment(environment, table.tableName(), defaultWorkerId(config)))
                : Optional.empty();
        AwsHost host = AwsHost.create(config, table, PostgresSettings.fromEnvironment(environment), worker);
        return onTables(host, List.of(), host.newsBus()::close, () -> { });
    }

    private static String defaultWorkerId(HostConfig config) {
        String machine;
        try {
            machine = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            machine = "host";
        }
        return machine + "-" + (config.port() == 0 ? "pid" + ProcessHandle.current().pid() : config.port());
    }

    /** A deployment on the message table and the user database; the facade started the feed of new messages. */
    private static Deployment onTables(TableHost host, List<String> engineExports, Runnable closeNewsBus,
            Runnable closeEngines) {
        return new Deployment(host.http(), host.messaging(), host.newMessageFeed(), engineExports, () -> {
            host.http().stop();
            host.messaging().close();
            host.userChanges().close();
            closeNewsBus.run();
            host.pool().close();
            closeEngines.run();
        });
    }
}
