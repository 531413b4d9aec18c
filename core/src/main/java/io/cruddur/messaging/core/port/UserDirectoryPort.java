package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.User;
import java.util.Optional;

/**
 * Who the users are, as the use cases ask: the user a token speaks for, and a user by handle.
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
}
