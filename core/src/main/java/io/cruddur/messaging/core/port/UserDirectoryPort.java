package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Who the users are, as the use cases ask: the user a token speaks for, a user by handle, and whom
 * a user blocks.
 * Handles are unique regardless of case, Cognito user ids are unique when present. Failures of the
 * directory itself surface as {@code directory_unavailable}. Adding users and giving them Cognito
 * ids is {@link UserAdministrationPort}'s.
 */
public interface UserDirectoryPort {

    /**
     * {@return the user with this Cognito id, if there is one}
     *
     * @param cognitoUserId the {@code sub} of a verified token
     */
    Optional<User> findByCognitoUserId(CognitoUserId cognitoUserId);

    /**
     * {@return the user with this handle, if there is one} Case-insensitive.
     *
     * @param handle the handle, in any case
     */
    Optional<User> findByHandle(Handle handle);

    /**
     * {@return the users {@code blocker} blocks, in the order they were blocked}
     *
     * @param blocker whose blocks
     */
    List<User> blockedBy(UserId blocker);

    /**
     * Records that {@code blocker} blocks {@code blocked}; blocking someone blocked already changes nothing.
     *
     * @param blocker who blocks, a user of the directory
     * @param blocked whom, another user of the directory
     * @throws IllegalArgumentException when the two are the same user
     */
    void block(UserId blocker, UserId blocked);

    /**
     * Lifts {@code blocker}'s block of {@code blocked}, if there is one.
     *
     * @param blocker who blocked
     * @param blocked whom
     */
    void unblock(UserId blocker, UserId blocked);
}
