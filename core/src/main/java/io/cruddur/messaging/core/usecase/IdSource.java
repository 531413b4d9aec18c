package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import java.util.UUID;

/** Where new ids come from: random in production, a fixed sequence in tests. */
public interface IdSource {
    UUID next();

    static IdSource random() {
        return UUID::randomUUID;
    }

    default MessageId newMessageId() {
        return new MessageId(next());
    }

    default MessageGroupId newGroupId() {
        return new MessageGroupId(next());
    }
}
