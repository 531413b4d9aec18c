package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.app.embedded.EmbeddedEngines;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the embedded engines listen and keep their data: shared by {@code engines} and {@code serve}. */
final class EngineOptions {
    @Option(names = "--data-dir", defaultValue = "./.cruddur",
            description = "where the DynamoDB engine and PostgreSQL keep their data (default: ${DEFAULT-VALUE})")
    Path dataDirectory;

    @Option(names = "--throwaway", description = "keep nothing; data lives in memory and a temporary folder")
    boolean throwaway;

    @Option(names = "--dynamodb-port", defaultValue = "" + EmbeddedEngines.DEFAULT_DYNAMODB_PORT,
            description = "the port of the DynamoDB engine on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int dynamoPort;

    @Option(names = "--postgres-port", defaultValue = "" + EmbeddedEngines.DEFAULT_POSTGRES_PORT,
            description = "the port of PostgreSQL on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int postgresPort;

    /** The data directory, or empty for throwaway engines. */
    Optional<Path> data() {
        return throwaway ? Optional.empty() : Optional.of(dataDirectory);
    }
}
