package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import java.time.Instant;
import java.util.Objects;

/**
 * News that a message was stored, edited or deleted, and its group's rows have followed. A host
 * that hears it reads the message and the group's members from storage, so forged news cannot
 * send a message to anyone but its members. What happened travels with the news, because the
 * message as read may be newer than the news: a message edited at once is still news of a
 * message first.
 *
 * @param group     the message's group
 * @param message   the message's id
 * @param createdAt the message's time, which with the group and the id finds it in storage
 * @param kind      what happened to the message
 */
public record MessageNews(MessageGroupId group, MessageId message, Instant createdAt, Kind kind) implements GroupNews {
    /** What happened to the message. */
    public enum Kind {
        /** It was stored. */
        STORED,
        /** Its sender edited it. */
        EDITED,
        /** Its sender deleted it. */
        DELETED;

        /**
         * {@return what a message as the feed hands it over tells}
         *
         * @param message a new, edited or deleted message
         */
        public static Kind of(Message message) {
            if (message.deleted()) {
                return DELETED;
            }
            return message.editedAt().isPresent() ? EDITED : STORED;
        }
    }

    /**
     * Requires every component.
     *
     * @param group     the message's group
     * @param message   the message's id
     * @param createdAt the message's time
     * @param kind      what happened
     * @throws NullPointerException when a component is null
     */
    public MessageNews {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * News that a message was stored.
     *
     * @param group     the message's group
     * @param message   the message's id
     * @param createdAt the message's time
     */
    public MessageNews(MessageGroupId group, MessageId message, Instant createdAt) {
        this(group, message, createdAt, Kind.STORED);
    }
}
