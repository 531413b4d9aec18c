package io.cruddur.messaging.core.domain;

import java.util.Objects;

/** Who a user is to other users: what a message shows of its sender and a group row of the other member. */
public record User(UserId id, Handle handle, String displayName) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(handle, "handle");
        displayName = DisplayNames.check(displayName);
    }
}
