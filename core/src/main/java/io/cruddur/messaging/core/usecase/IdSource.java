package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import java.util.UUID;

/** Where new ids come from: random in production, a fixed sequence in tests. */
public interface IdSource {
    /** {@return the next uuid, different from every one before} */
    UUID next();

    /** {@return a source of random (version 4) uuids} */
    static IdSource random() {
        return UUID::randomUUID;
    }

    /** {@return a new message id, from {@link #next()}} */
    default MessageId newMessageId() {
        return new MessageId(next());
    }

    /** {@return a new group id, from {@link #next()}} */
    default MessageGroupId newGroupId() {
        return new MessageGroupId(next());
    }
}
