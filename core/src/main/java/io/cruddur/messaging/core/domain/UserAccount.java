package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.Optional;

/** A directory entry as administration sees it: the user, their e-mail and their Cognito id once assigned. */
public record UserAccount(User user, String email, Optional<CognitoUserId> cognitoUserId) {
    public UserAccount {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(cognitoUserId, "cognitoUserId");
    }
}
