package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.util.Objects;

/**
 * A page of a group's messages, as the caller (who must be a member) asks for it.
 *
 * @param caller the user asking, who must be a member of the group
 * @param group  the group
 * @param page   which page
 */
public record ListMessagesQuery(User caller, MessageGroupId group, PageRequest page) {
    /**
     * Requires every component.
     *
     * @param caller the user asking
     * @param group  the group
     * @param page   which page
     * @throws NullPointerException when a component is null
     */
    public ListMessagesQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(page, "page");
    }
}
