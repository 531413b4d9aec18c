package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageId;
import java.util.Optional;

/** A client message id is optional: absent or empty input means the service chooses the id. */
final class ClientMessageIds {
    private ClientMessageIds() {
    }

    static Optional<MessageId> parse(String raw) {
        return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(MessageId.parse(raw));
    }
}
