package io.cruddur.messaging.adapters.postgres;

import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.port.UserChanges;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changed and removed users, as the users table's triggers tell of them on channel
 * {@value #CHANNEL} (migration V2): a user's uuid when their row is updated or deleted, {@code *}
 * when the table is truncated. Whoever changed the row, the change reaches every host listening.
 * Listening uses a connection of its own; each time it starts (again), listeners hear that any
 * user may have changed, since changes made while it was down went unheard.
 */
public final class PostgresUserChanges implements UserChanges, AutoCloseable {
    /** The channel the users table's triggers notify on. */
    public static final String CHANNEL = "cruddur_users";
    static final String APPLICATION_NAME = "cruddur-user-changes";
    private static final String EVERY_USER = "*";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresUserChanges.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final PostgresListener listener;

    /**
     * Starts listening at once, on a thread of its own; close it at shutdown.
     *
     * @param listening where the listening connection comes from: unpooled, as it stays open
     */
    public PostgresUserChanges(DataSource listening) {
        this.listener = new PostgresListener(listening, CHANNEL, () -> tell(Listener::anyMayHaveChanged), this::dispatch);
    }

    /**
     * Changes of the users in the user database, heard on a connection of its own.
     *
     * @param settings where the listening connection goes; it is opened outside any pool, named
     *                 {@value #APPLICATION_NAME}
     * @return the changes, listening already; close them at shutdown
     */
    public static PostgresUserChanges on(PostgresSettings settings) {
        return new PostgresUserChanges(PostgresListener.direct(settings, APPLICATION_NAME));
    }

    @Override
    public NewsBus.Subscription subscribe(Listener subscriber) {
        Listener registered = new Forwarding(subscriber);
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }

    /** {@return whether the listening connection is open and listening now} */
    public boolean listening() {
        return listener.listening();
    }

    @Override
    public void close() {
        listener.close();
    }

    private void dispatch(String payload) {
        if (EVERY_USER.equals(payload)) {
            tell(Listener::anyMayHaveChanged);
            return;
        }
        UserId user;
        try {
            user = new UserId(UUID.fromString(payload));
        } catch (IllegalArgumentException notOurs) {
            LOG.debug("a notification on {} that names no user was passed over", CHANNEL);
            return;
        }
        tell(each -> each.changed(user));
    }

    private void tell(Consumer<Listener> change) {
        for (Listener each : listeners) {
            try {
                change.accept(each);
            } catch (RuntimeException failed) {
                LOG.warn("a listener for changed users failed", failed);
            }
        }
    }

    /** An instance per subscription, equal only to itself, so that closing a subscription twice is harmless. */
    private static final class Forwarding implements Listener {
        private final Listener target;

        Forwarding(Listener target) {
            this.target = target;
        }

        @Override
        public void changed(UserId user) {
            target.changed(user);
        }

        @Override
        public void anyMayHaveChanged() {
            target.anyMayHaveChanged();
        }
    }
}
