package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.Validation;
import java.util.List;
import java.util.Objects;

/**
 * A member adds people to a group conversation. People who are members already are passed over,
 * so a retry adds nobody twice.
 *
 * @param member  who adds them, a member of the group
 * @param group   the group conversation
 * @param joining the handles of the people to add, each once (handles compare regardless of
 *                case), in the order given
 */
public record AddMembersCommand(User member, MessageGroupId group, List<Handle> joining) {
    /**
     * Requires every component and at least one handle; a handle named twice, in any spelling, counts once.
     *
     * @param member  who adds them
     * @param group   the group
     * @param joining the handles of the people to add
     * @throws NullPointerException when a component is null
     * @throws MessagingException   {@code user_reciever_handle_blank} when no handle is given
     */
    public AddMembersCommand {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(group, "group");
        joining = HandleLists.distinct(joining);
        if (joining.isEmpty()) {
            throw new MessagingException(ErrorCode.USER_RECIEVER_HANDLE_BLANK, "nobody is named to add");
        }
    }

    /**
     * Reads a client's request, reporting every invalid part at once.
     *
     * @param member  the authenticated caller
     * @param group   the group's uuid as sent
     * @param handles the handles to add, with or without {@code @}; null when absent
     * @return the command
     * @throws MessagingException with every code that applies: {@code message_group_uuid_blank},
     *         {@code message_group_uuid_invalid}, {@code user_reciever_handle_blank},
     *         {@code handle_invalid}
     */
    public static AddMembersCommand parse(User member, String group, List<String> handles) {
        Validation validation = new Validation();
        MessageGroupId parsedGroup = validation.check(() -> MessageGroupId.parse(group));
        List<Handle> parsedHandles = validation.check(() -> HandleLists.parse(handles));
        validation.done();
        return new AddMembersCommand(member, parsedGroup, parsedHandles);
    }
}
