package io.cruddur.messaging.adapters.dynamodb.setup;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbClients;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbMessagingPort;
import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.adapters.dynamodb.stream.DynamoDbStreamPoller;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import io.cruddur.messaging.core.usecase.Messaging;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The library on a DynamoDB table (which must exist, see {@code TableAdmin}) with the users of a
 * directory, and pattern E run as {@link GroupRows} says: the facade, with the clients it needs,
 * all closed by {@link #close()} (the stream reader first, which finishes the batch in hand). Build
 * one per process; the facade is thread-safe.
 */
public final class DynamoDbMessaging implements AutoCloseable {
    private final DynamoDbClient dynamo;
    private final Optional<DynamoDbStreamsClient> streams;
    private final Messaging messaging;

    private DynamoDbMessaging(DynamoDbClient dynamo, Optional<DynamoDbStreamsClient> streams, Messaging messaging) {
        this.dynamo = dynamo;
        this.streams = streams;
        this.messaging = messaging;
    }

    /** Starts configuring the library on the table {@code settings} names. */
    public static Builder on(DynamoDbSettings settings) {
        return new Builder(Objects.requireNonNull(settings, "settings"));
    }

    public Messaging messaging() {
        return messaging;
    }

    /** Stops the stream reader (if this process has one), then closes the clients. */
    @Override
    public void close() {
        try {
            messaging.close();
        } finally {
            streams.ifPresent(DynamoDbStreamsClient::close);
            dynamo.close();
        }
    }

    /** Configures a {@link DynamoDbMessaging}; the users and who keeps the group rows are required. */
    public static final class Builder {
        private final DynamoDbSettings settings;
        private UserDirectoryPort users;
        private GroupRows groupRows;
        private Consumer<Messaging.Builder> facade = builder -> { };

        private Builder(DynamoDbSettings settings) {
            this.settings = settings;
        }

        public Builder users(UserDirectoryPort directory) {
            this.users = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Who moves the group rows; see {@link GroupRows} for what each choice guarantees. */
        public Builder groupRows(GroupRows keeper) {
            this.groupRows = Objects.requireNonNull(keeper, "keeper");
            return this;
        }

        /**
         * Anything else of the facade: {@code userAdministration}, {@code userChanges},
         * {@code newsBus}, {@code cursorSecret}, the clock, the caches; each call adds to those
         * before it. The ports and the feed are set here and must not be replaced.
         */
        public Builder facade(Consumer<Messaging.Builder> configuration) {
            this.facade = this.facade.andThen(Objects.requireNonNull(configuration, "configuration"));
            return this;
        }

        /** Shorthand for {@code facade(b -> b.userAdministration(administration))}. */
        public Builder userAdministration(UserAdministrationPort administration) {
            return facade(builder -> builder.userAdministration(administration));
        }

        /** Shorthand for {@code facade(b -> b.userChanges(changes))}. */
        public Builder userChanges(UserChanges changes) {
            return facade(builder -> builder.userChanges(changes));
        }

        /** Builds the clients and the facade, and starts the stream reader this process has, if any. */
        public DynamoDbMessaging build() {
            if (users == null) {
                throw new IllegalStateException("name the user directory: users(...)");
            }
            if (groupRows == null) {
                throw new IllegalStateException("choose who keeps the group rows: groupRows(GroupRows.readByThisProcess()),"
                        + " readBy(a fleet engine) or keptByTheLambda()");
            }
            DynamoDbClient dynamo = DynamoDbClients.dynamo(settings);
            Optional<DynamoDbStreamsClient> streams = Optional.empty();
            NewMessageFeed feed = NewMessageFeed.none();
            try {
                if (groupRows instanceof GroupRows.ThisProcess thisProcess) {
                    streams = Optional.of(DynamoDbClients.streams(settings));
                    feed = new DynamoDbStreamPoller(dynamo, streams.get(), settings.tableName(), thisProcess.maxIdleWait());
                } else if (groupRows instanceof GroupRows.Engine engine) {
                    feed = engine.feed();
                }
                Messaging.Builder builder = Messaging.builder();
                facade.accept(builder);
                Messaging messaging = builder.messages(new DynamoDbMessagingPort(dynamo, settings.tableName()))
                        .users(users).newMessageFeed(feed).build();
                return new DynamoDbMessaging(dynamo, streams, messaging);
            } catch (RuntimeException failed) {
                feed.close();
                streams.ifPresent(DynamoDbStreamsClient::close);
                dynamo.close();
                throw failed;
            }
        }
    }
}
