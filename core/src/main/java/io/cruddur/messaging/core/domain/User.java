package io.cruddur.messaging.core.domain;

import java.util.Objects;

/**
 * Who a user is to other users: what a message shows of its sender and a group row of the other member.
 *
 * @param id          the user's uuid in the directory
 * @param handle      the user's handle
 * @param displayName the name other users see, 1 to 256 characters, stripped of surrounding space
 */
public record User(UserId id, Handle handle, String displayName) {
    /**
     * Checks the display name and requires the rest.
     *
     * @param id          the user's uuid
     * @param handle      the user's handle
     * @param displayName the name other users see; surrounding space is dropped
     * @throws MessagingException   {@code display_name_invalid} when the display name is null, blank or
     *                              over 256 characters
     * @throws NullPointerException when another component is null
     */
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
        displayName = DisplayNames.check(displayName);
    }
}
