package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import java.time.Instant;
import java.util.Objects;

/**
 * News that a message was stored and its group's rows have moved. A host that hears it reads the
 * message and the group's members from storage, so forged news cannot send a message to anyone
 * but its members.
 *
 * @param group     the message's group
 * @param message   the message's id
 * @param createdAt the message's time, which with the group and the id finds it in storage
 */
public record MessageNews(MessageGroupId group, MessageId message, Instant createdAt) implements GroupNews {
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
