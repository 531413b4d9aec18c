package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.util.Objects;

/** A page of a group's messages, as the caller (who must be a member) asks for it. */
public record ListMessagesQuery(User caller, MessageGroupId group, PageRequest page) {
    public ListMessagesQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(page, "page");
    }
}
