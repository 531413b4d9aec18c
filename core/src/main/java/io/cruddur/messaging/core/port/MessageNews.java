package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import java.time.Instant;
import java.util.Objects;

/**
 * News that a message was stored and its group's rows have moved. It names the message rather
 * than carrying it, and names no members: a host that hears it reads the message and the
 * group's members from storage, so news stays small (a bus such as PostgreSQL's {@code NOTIFY}
 * takes at most 8000 bytes) and forged news cannot send a message to anyone but its members.
 *
 * @param group     the message's group
 * @param message   the message's id
 * @param createdAt the message's time, which with the group and the id finds it in storage
 */
public record MessageNews(MessageGroupId group, MessageId message, Instant createdAt) {
    /**
     * Requires every component.
     *
     * @param group     the message's group
     * @param message   the message's id
     * @param createdAt the message's time
     * @throws NullPointerException when a component is null
     */
    public MessageNews {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
