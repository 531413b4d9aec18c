package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A directory entry as administration sees it: the user, their e-mail and their Cognito id once assigned.
 *
 * @param user          the user as other users see them
 * @param email         the e-mail address
 * @param cognitoUserId the Cognito id, once assigned
 */
public record UserAccount(User user, String email, Optional<CognitoUserId> cognitoUserId) {
    /**
     * Requires every component.
     *
     * @param user          the user
     * @param email         the e-mail address
     * @param cognitoUserId the Cognito id, once assigned
     * @throws NullPointerException when a component is null
     */
    public UserAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(cognitoUserId, "cognitoUserId");
    }
}
