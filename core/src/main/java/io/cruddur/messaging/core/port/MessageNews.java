package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * News that a message was stored and its group's rows have moved: where the message is, and who
 * the group's members are. It names the message rather than carrying it, so that news stays small
 * whatever the message (a bus such as PostgreSQL's {@code NOTIFY} takes at most 8000 bytes).
 */
public record MessageNews(MessageGroupId group, MessageId message, Instant createdAt, Set<UserId> members) {
    public MessageNews {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
        members = Set.copyOf(members);
    }
}
