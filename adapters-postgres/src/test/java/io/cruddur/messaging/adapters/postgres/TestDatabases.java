package io.cruddur.messaging.adapters.postgres;

import io.zonky.test.db.postgres.embedded.PreparedDbProvider;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL per test JVM (zonky, from Maven Central; no Docker). The migrated
 * schema is built once as a template; each caller gets a fresh database cloned from it.
 */
final class TestDatabases {
    private static final PreparedDbProvider MIGRATED = PreparedDbProvider.forPreparer(UserDatabase::migrate);
    private static final PreparedDbProvider EMPTY = PreparedDbProvider.forPreparer(dataSource -> { });

    private TestDatabases() {
    }

    /** A fresh database with the current schema. */
    static DataSource migrated() {
        return create(MIGRATED);
    }

    /** A fresh database with nothing in it. */
    static DataSource empty() {
        return create(EMPTY);
    }

    /** How to reach a fresh database with nothing in it, as {@code CONNECTION_URL} would say. */
    static PostgresSettings emptySettings() {
        try {
            return PostgresSettings.parse(EMPTY.createDatabase());
        } catch (SQLException failed) {
            throw new IllegalStateException("no test database", failed);
        }
    }

    private static DataSource create(PreparedDbProvider provider) {
        try {
            return provider.createDataSource();
        } catch (SQLException failed) {
            throw new IllegalStateException("no test database", failed);
        }
    }
}
