package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageId;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.Validation;
import java.util.Objects;
import java.util.Optional;

/**
 * A member has read a group up to a message, or everything in it so far.
 *
 * @param reader who read, a member
 * @param group  the group
 * @param upTo   the id of the latest message read; empty for everything so far
 */
public record MarkReadCommand(User reader, MessageGroupId group, Optional<MessageId> upTo) {
    /**
     * Requires every component.
     *
     * @param reader who read
     * @param group  the group
     * @param upTo   the latest message read, if not everything
     * @throws NullPointerException when a component is null
     */
    public MarkReadCommand {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(upTo, "upTo");
    }

    /**
     * Reads a client's request, reporting every invalid part at once.
     *
     * @param reader  the authenticated caller
     * @param group   the group's uuid as sent
     * @param message the uuid of the latest message read as sent, or null for everything so far
     * @return the command
     * @throws io.cruddur.messaging.core.domain.MessagingException with every code that applies:
     *         {@code message_group_uuid_blank}, {@code message_group_uuid_invalid},
     *         {@code message_uuid_invalid}
     */
    public static MarkReadCommand parse(User reader, String group, String message) {
        Validation validation = new Validation();
        MessageGroupId parsedGroup = validation.check(() -> MessageGroupId.parse(group));
        MessageId parsedMessage = message == null ? null : validation.check(() -> MessageId.parse(message));
        validation.done();
        return new MarkReadCommand(reader, parsedGroup, Optional.ofNullable(parsedMessage));
    }
}
