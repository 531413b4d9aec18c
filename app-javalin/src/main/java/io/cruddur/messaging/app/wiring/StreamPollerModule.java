package io.cruddur.messaging.app.wiring;

import dagger.Binds;
import dagger.Module;
import io.cruddur.messaging.adapters.dynamodb.stream.DynamoDbStreamModule;
import io.cruddur.messaging.adapters.dynamodb.stream.DynamoDbStreamPoller;
import io.cruddur.messaging.core.port.NewMessageFeed;

/** New messages from the table's stream, read by this process alone: the embedded deployment's. */
@Module(includes = DynamoDbStreamModule.class)
abstract class StreamPollerModule {
    private StreamPollerModule() {
    }

    @Binds
    abstract NewMessageFeed newMessages(DynamoDbStreamPoller poller);
}
