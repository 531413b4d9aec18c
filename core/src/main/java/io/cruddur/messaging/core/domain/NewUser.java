package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.Optional;

/** A user to add to the directory; the directory chooses the uuid. */
public record NewUser(Handle handle, String displayName, String email, Optional<CognitoUserId> cognitoUserId) {
    public NewUser {
        Objects.requireNonNull(handle, "handle");
        displayName = DisplayNames.check(displayName);
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(cognitoUserId, "cognitoUserId");
    }
}
