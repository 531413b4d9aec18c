package io.cruddur.messaging.adapters.inmemory;

import io.cruddur.messaging.core.contract.UserDirectoryPortContract;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;

class InMemoryUserDirectoryTest extends UserDirectoryPortContract {
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();

    @Override
    protected UserDirectoryPort directory() {
        return directory;
    }

    @Override
    protected UserAdministrationPort administration() {
        return directory;
    }
}
