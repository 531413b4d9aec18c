package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.util.Objects;

/**
 * A page of the caller's own conversations.
 *
 * @param caller the user whose conversations to list
 * @param page   which page
 */
public record ListMessageGroupsQuery(User caller, PageRequest page) {
    /**
     * Requires both components.
     *
     * @param caller the user whose conversations to list
     * @param page   which page
     * @throws NullPointerException when a component is null
     */
    public ListMessageGroupsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(page, "page");
    }
}
