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

    /**
     * Starts configuring the library on the table {@code settings} names.
     *
     * @param settings the table, endpoint, region and patience the clients are built with
     * @return a builder, to be given the users and who keeps the group rows
     */
    public static Builder on(DynamoDbSettings settings) {
        return new Builder(Objects.requireNonNull(settings, "settings"));
    }

    /** {@return the facade, thread-safe: share it across the process} */
    public Messaging messaging() {
        return messaging;
    }

    /**
     * Stops the stream reader (if this process has one), then closes the clients. The reader
     * finishes the batch in hand first ({@code DynamoDbStreamPoller} waits up to 10 s for it); the
     * clients close even if stopping it fails. What was handed to the builder (the user directory,
     * user changes, a news bus) stays the caller's to close, after this.
     */
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

        /**
         * The user directory the facade looks users up in (required).
         *
         * @param directory the directory, such as {@code PostgresUserDirectory}
         * @return this builder
         */
        public Builder users(UserDirectoryPort directory) {
            this.users = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Who moves the group rows (required); see {@link GroupRows} for what each choice guarantees.
         *
         * @param keeper this process, a fleet's engine, or the Lambda
         * @return this builder
         */
        public Builder groupRows(GroupRows keeper) {
            this.groupRows = Objects.requireNonNull(keeper, "keeper");
            return this;
        }

        /**
         * Anything else of the facade: {@code userAdministration}, {@code userChanges},
         * {@code newsBus}, {@code cursorSecret}, the clock, the caches; each call adds to those
         * before it. The ports and the feed are set here and must not be replaced.
         *
         * @param configuration adjusts the facade's builder, before the messaging port, the user
         *                      directory and the feed are set on it
         * @return this builder
         */
        public Builder facade(Consumer<Messaging.Builder> configuration) {
            this.facade = this.facade.andThen(Objects.requireNonNull(configuration, "configuration"));
            return this;
        }

        /**
         * Shorthand for {@code facade(b -> b.userAdministration(administration))}.
         *
         * @param administration where listing, registering and Cognito id assignments go; usually
         *                       the same adapter as the directory
         * @return this builder
         */
        public Builder userAdministration(UserAdministrationPort administration) {
            return facade(builder -> builder.userAdministration(administration));
        }

        /**
         * Shorthand for {@code facade(b -> b.userChanges(changes))}.
         *
         * @param changes tells the facade's caches of users changed elsewhere, such as
         *                {@code PostgresUserChanges}
         * @return this builder
         */
        public Builder userChanges(UserChanges changes) {
            return facade(builder -> builder.userChanges(changes));
        }

        /**
         * Builds the clients and the facade, and starts the stream reader this process has, if any
         * (the poller creates its checkpoint table when missing). When any step fails, what was
         * built is closed again.
         *
         * @return the library, running
         * @throws IllegalStateException when the user directory or who keeps the group rows was not
         *                               named
         * @throws io.cruddur.messaging.core.domain.MessagingException a {@code storage_*} code when
         *         the stream reader cannot start
         */
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
