package io.cruddur.messaging.app.embedded;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local (as an HTTP server on 127.0.0.1, one shared database whatever the credentials or
 * region, as the reference's docker-compose runs it) and PostgreSQL ({@link PrivatePostgres}),
 * both inside this process: engines for one developer's machine, never for shared hosts.
 * With a data directory both keep their data there across restarts; without one, nothing
 * outlives the process.
 */
public final class EmbeddedEngines implements AutoCloseable {
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final int DEFAULT_POSTGRES_PORT = 5433;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);
    private static final List<String> SQLITE_NATIVES = List.of(
            "libsqlite4java-linux-amd64.so", "libsqlite4java-osx.dylib", "sqlite4java-win32-x64.dll");

    private final Server dynamoServer;
    private final LocalDynamoDBRequestHandler dynamoHandler;
    private final URI dynamoEndpoint;
    private final PrivatePostgres postgres;

    private EmbeddedEngines(Server dynamoServer, LocalDynamoDBRequestHandler dynamoHandler, URI dynamoEndpoint,
            PrivatePostgres postgres) {
        this.dynamoServer = dynamoServer;
        this.dynamoHandler = dynamoHandler;
        this.dynamoEndpoint = dynamoEndpoint;
        this.postgres = postgres;
    }

    /**
     * Starts both engines on 127.0.0.1 ({@code postgresPort} 0: any free port). {@code dataDirectory}
     * empty means throwaway: DynamoDB in memory and PostgreSQL in a temporary directory removed at
     * close.
     */
    public static EmbeddedEngines start(Optional<Path> dataDirectory, int dynamoPort, int postgresPort)
            throws IOException {
        Path scratch = Files.createTempDirectory("cruddur-engines");
        Path base = dataDirectory.orElse(scratch);
        Files.createDirectories(base);
        System.setProperty("sqlite4java.library.path", extractSqliteNatives(scratch.resolve("native")).toString());

        Path dynamoData = Files.createDirectories(base.resolve("dynamodb"));
        LocalDynamoDBRequestHandler handler = new LocalDynamoDBRequestHandler(
                0, dataDirectory.isEmpty(), dataDirectory.isEmpty() ? null : dynamoData.toString(), true, false);
        Server server = new Server(new InetSocketAddress("127.0.0.1", dynamoPort));
        server.setHandler(new LocalDynamoDBServerHandler(handler, "*"));
        try {
            server.start();
        } catch (Exception cannotListen) {
            handler.shutdown();
            throw new IOException("DynamoDB Local cannot listen on 127.0.0.1:" + dynamoPort
                    + " (is another DynamoDB Local running? choose another with --dynamodb-port)", cannotListen);
        }
        PrivatePostgres postgres;
        try {
            postgres = PrivatePostgres.start(base, dataDirectory.isEmpty(), scratch, postgresPort);
        } catch (IOException | RuntimeException cannotStart) {
            stopDynamo(server, handler);
            throw new IOException("PostgreSQL did not start on 127.0.0.1:" + postgresPort
                    + " (is another PostgreSQL there? choose another with --postgres-port)", cannotStart);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + dynamoPort);
        LOG.info("DynamoDB Local at {}, PostgreSQL at port {} (user {}), data {}", endpoint, postgres.port(),
                PrivatePostgres.APP_ROLE,
                dataDirectory.map(Path::toString).orElse("in memory (throwaway)"));
        return new EmbeddedEngines(server, handler, endpoint, postgres);
    }

    public DynamoDbSettings dynamoSettings(String table) {
        return DynamoDbSettings.local(dynamoEndpoint, table);
    }

    public PostgresSettings postgresSettings() {
        return PostgresSettings.parse(postgres.connectionUrl());
    }

    /**
     * The shell lines that point the operator commands, a boto3 script or an {@code aws}-mode host
     * at these engines.
     */
    public List<String> exports() {
        return List.of("export AWS_ENDPOINT_URL=" + dynamoEndpoint, "export CONNECTION_URL=" + postgres.connectionUrl());
    }

    /** Stops DynamoDB Local (flushing its database) and PostgreSQL (a clean shutdown). */
    @Override
    public void close() {
        stopDynamo(dynamoServer, dynamoHandler);
        try {
            postgres.close();
        } catch (IOException stopping) {
            LOG.warn("PostgreSQL did not stop cleanly", stopping);
        }
    }

    private static void stopDynamo(Server server, LocalDynamoDBRequestHandler handler) {
        try {
            server.stop();
        } catch (Exception stopping) {
            LOG.warn("DynamoDB Local did not stop cleanly", stopping);
        }
        handler.shutdown();
    }

    /** sqlite4java loads its library from a folder on disk; the jar carries it for common platforms. */
    private static Path extractSqliteNatives(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : SQLITE_NATIVES) {
            try (InputStream in = EmbeddedEngines.class.getResourceAsStream("/native/sqlite4java/" + name)) {
                if (in != null) {
                    Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return folder;
    }
}
