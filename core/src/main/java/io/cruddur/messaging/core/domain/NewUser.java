package io.cruddur.messaging.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A user to add to the directory; the directory chooses the uuid.
 *
 * @param handle        the handle, unique regardless of case
 * @param displayName   the name other users see, 1 to 256 characters, stripped of surrounding space
 * @param email         the e-mail address (not checked)
 * @param cognitoUserId the Cognito id, when the user already has one
 */
public record NewUser(Handle handle, String displayName, String email, Optional<CognitoUserId> cognitoUserId) {
    /**
     * Checks the display name and requires the rest.
     *
     * @param handle        the handle
     * @param displayName   the name other users see; surrounding space is dropped
     * @param email         the e-mail address
     * @param cognitoUserId the Cognito id, when the user already has one
     * @throws MessagingException   {@code display_name_invalid} when the display name is null, blank or
     *                              over 256 characters
     * @throws NullPointerException when another component is null
     */
    public NewUser {
        Objects.requireNonNull(handle, "handle");
        displayName = DisplayNames.check(displayName);
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(cognitoUserId, "cognitoUserId");
    }
}
