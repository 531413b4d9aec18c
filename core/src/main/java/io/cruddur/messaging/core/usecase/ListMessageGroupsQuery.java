package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import java.util.Objects;

/** A page of the caller's own conversations. */
public record ListMessageGroupsQuery(User caller, PageRequest page) {
    public ListMessageGroupsQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(page, "page");
    }
}
