package io.cruddur.messaging.adapters.inmemory;

import io.cruddur.messaging.core.contract.MessagingPortContract;
import io.cruddur.messaging.core.port.MessagingPort;

class InMemoryMessagingPortTest extends MessagingPortContract {
    private final InMemoryMessagingPort port = new InMemoryMessagingPort();

    @Override
    protected MessagingPort port() {
        return port;
    }
}
