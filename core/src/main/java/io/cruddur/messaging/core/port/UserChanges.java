package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.UserId;

/**
 * Tells of users changed or removed in the directory, whoever changed them (another host, an
 * operator's SQL), so that what remembers users forgets them at once rather than at its expiry.
 */
public interface UserChanges {

    /**
     * Hands {@code listener} every change from now on, until the subscription is closed.
     *
     * @param listener told of each change
     * @return the subscription, to close when changes are no longer wanted
     */
    NewsBus.Subscription subscribe(Listener listener);

    /** What hears of changes. */
    interface Listener {
        /**
         * This user was changed or removed.
         *
         * @param user the user's uuid
         */
        void changed(UserId user);

        /** Changes may have gone unheard (the feed was cut off, or the users table emptied): forget every user. */
        void anyMayHaveChanged();
    }

    /** {@return no changes to tell of, for a directory nothing but this process writes} */
    static UserChanges none() {
        return listener -> () -> { };
    }
}
