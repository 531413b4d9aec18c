package io.cruddur.messaging.app.embedded;

import io.cruddur.engine.dynamodb.DynamoDbEngine;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's DynamoDB engine (an HTTP server on 127.0.0.1, one shared database whatever the
 * credentials or region, as the reference's docker-compose runs its local DynamoDB) and PostgreSQL
 * ({@link PrivatePostgres}), both inside this process: engines for one developer's machine, never
 * for shared hosts. With a data directory both keep their data there across restarts; without one,
 * nothing outlives the process.
 */
public final class EmbeddedEngines implements AutoCloseable {
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final int DEFAULT_POSTGRES_PORT = 5433;
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);

    private final DynamoDbEngine dynamo;
    private final URI dynamoEndpoint;
    private final PrivatePostgres postgres;

    private EmbeddedEngines(DynamoDbEngine dynamo, URI dynamoEndpoint, PrivatePostgres postgres) {
        this.dynamo = dynamo;
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
        DynamoDbEngine.Builder builder = DynamoDbEngine.builder().port(dynamoPort);
        if (dataDirectory.isPresent()) {
            builder.dataDirectory(Files.createDirectories(base.resolve("dynamodb")));
        }
        DynamoDbEngine dynamo;
        try {
            dynamo = builder.build().start();
        } catch (UncheckedIOException cannotStart) {
            throw new IOException("the DynamoDB engine cannot start on 127.0.0.1:" + dynamoPort
                    + " (is another DynamoDB running there? choose another with --dynamodb-port)", cannotStart);
        }
        PrivatePostgres postgres;
        try {
            postgres = PrivatePostgres.start(base, dataDirectory.isEmpty(), scratch, postgresPort);
        } catch (IOException | RuntimeException cannotStart) {
            dynamo.close();
            throw new IOException("PostgreSQL did not start on 127.0.0.1:" + postgresPort
                    + " (is another PostgreSQL there? choose another with --postgres-port)", cannotStart);
        }
        URI endpoint = dynamo.endpoint();
        LOG.info("DynamoDB engine at {}, PostgreSQL at port {} (user {}), data {}", endpoint, postgres.port(),
                PrivatePostgres.APP_ROLE,
                dataDirectory.map(Path::toString).orElse("in memory (throwaway)"));
        return new EmbeddedEngines(dynamo, endpoint, postgres);
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

    /** Stops the DynamoDB engine (saving its data) and PostgreSQL (a clean shutdown). */
    @Override
    public void close() {
        dynamo.close();
        try {
            postgres.close();
        } catch (IOException stopping) {
            LOG.warn("PostgreSQL did not stop cleanly", stopping);
        }
    }
}
