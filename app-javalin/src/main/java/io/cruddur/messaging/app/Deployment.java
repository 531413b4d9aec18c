package io.cruddur.messaging.app;

import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.TableAdmin;
import io.cruddur.messaging.adapters.postgres.PostgresSettings;
import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.app.embedded.EmbeddedEngines;
import io.cruddur.messaging.app.wiring.AwsHost;
import io.cruddur.messaging.app.wiring.EmbeddedHost;
import io.cruddur.messaging.app.wiring.MemoryHost;
import io.cruddur.messaging.app.wiring.TableHost;
import io.cruddur.messaging.core.usecase.Messaging;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One running host: its component, what it started, and the order to stop it in (stop taking
 * requests, finish those under way, stop pattern E, close storage, stop embedded engines).
 */
public interface Deployment extends AutoCloseable {

    /** The port the HTTP API listens on. */
    int port();

    Messaging messaging();

    @Override
    void close();

    /** Everything in memory, seeded. */
    static Deployment memory(HostConfig config) {
        MemoryHost host = MemoryHost.create(config);
        host.storage().subscribe(host.messaging()::refreshMessageGroups);
        DemoData.seedUsers(host.messaging());
        DemoData.seedConversation(host.messaging());
        int port = host.http().start();
        return new Deployment() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public Messaging messaging() {
                return host.messaging();
            }

            @Override
            public void close() {
                host.http().stop();
            }
        };
    }

    /** DynamoDB Local and PostgreSQL inside the process; tables, schema and demo data created when missing. */
    static Deployment embedded(HostConfig config, Optional<Path> dataDirectory, int dynamoPort, String table)
            throws IOException {
        EmbeddedEngines engines = EmbeddedEngines.start(dataDirectory, dynamoPort);
        try {
            EmbeddedHost host = EmbeddedHost.create(config, engines.dynamoSettings(table), engines.postgresSettings());
            host.tables().createTable(table, TableAdmin.Billing.ON_DEMAND, false);
            UserDatabase.migrate(host.pool());
            UserDatabase.seedDemoUsers(host.jdbi());
            DemoData.seedConversation(host.messaging());
            return TableDeployment.start(host, Optional.of(engines));
        } catch (RuntimeException failed) {
            engines.close();
            throw failed;
        }
    }

    /** DynamoDB and PostgreSQL from the environment; nothing created, nothing seeded. */
    static Deployment aws(HostConfig config, Map<String, String> environment) {
        AwsHost host = AwsHost.create(config,
                DynamoDbSettings.fromEnvironment(environment),
                PostgresSettings.fromEnvironment(environment));
        return TableDeployment.start(host, Optional.empty());
    }

    /** A deployment on the message table and the user database, with the stream poller for pattern E. */
    final class TableDeployment implements Deployment {
        private final TableHost host;
        private final Optional<EmbeddedEngines> engines;
        private final int port;

        private TableDeployment(TableHost host, Optional<EmbeddedEngines> engines, int port) {
            this.host = host;
            this.engines = engines;
            this.port = port;
        }

        static TableDeployment start(TableHost host, Optional<EmbeddedEngines> engines) {
            host.poller().start();
            return new TableDeployment(host, engines, host.http().start());
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public Messaging messaging() {
            return host.messaging();
        }

        @Override
        public void close() {
            host.http().stop();
            host.poller().close();
            host.pool().close();
            engines.ifPresent(EmbeddedEngines::close);
        }
    }
}
