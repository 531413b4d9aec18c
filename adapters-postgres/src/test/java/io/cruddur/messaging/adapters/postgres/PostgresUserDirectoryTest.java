package io.cruddur.messaging.adapters.postgres;

import io.cruddur.messaging.core.contract.UserDirectoryPortContract;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;

class PostgresUserDirectoryTest extends UserDirectoryPortContract {
    private static final PostgresUserDirectory DIRECTORY =
            new PostgresUserDirectory(UserDatabase.jdbi(TestDatabases.migrated()));

    @Override
    protected UserDirectoryPort directory() {
        return DIRECTORY;
    }

    @Override
    protected UserAdministrationPort administration() {
        return DIRECTORY;
    }
}
