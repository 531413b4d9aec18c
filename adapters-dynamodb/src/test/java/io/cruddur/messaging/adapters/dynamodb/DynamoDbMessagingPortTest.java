package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.contract.MessagingPortContract;
import io.cruddur.messaging.core.port.MessagingPort;

class DynamoDbMessagingPortTest extends MessagingPortContract {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();
    private static final MessagingPort PORT = new DynamoDbMessagingPort(LOCAL.dynamo(), LOCAL.newTable());

    @Override
    protected MessagingPort port() {
        return PORT;
    }
}
