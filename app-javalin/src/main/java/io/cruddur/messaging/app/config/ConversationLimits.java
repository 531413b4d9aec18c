package io.cruddur.messaging.app.config;

import io.cruddur.messaging.core.usecase.ReviseMessage;
import io.cruddur.messaging.core.usecase.StartGroup;
import java.time.Duration;
import java.util.Objects;

/**
 * What conversations allow on this host: how large a group may grow, and how long a sender may
 * edit or delete a message.
 *
 * @param maxGroupMembers the most members a group may have, the starter included
 *                        ({@code --group-members-max}, 3 to {@value StartGroup#MAX_MEMBERS})
 * @param editWindow      how long after sending a message its sender may edit or delete it
 *                        ({@code --edit-window-seconds}, at least a second)
 */
public record ConversationLimits(int maxGroupMembers, Duration editWindow) {
    public static final ConversationLimits DEFAULT = new ConversationLimits(StartGroup.MAX_MEMBERS,
            ReviseMessage.DEFAULT_EDIT_WINDOW);

    public ConversationLimits {
        if (maxGroupMembers < 3 || maxGroupMembers > StartGroup.MAX_MEMBERS) {
            throw new IllegalArgumentException("--group-members-max must be 3-" + StartGroup.MAX_MEMBERS + ", was "
                    + maxGroupMembers);
        }
        if (Objects.requireNonNull(editWindow, "editWindow").compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--edit-window-seconds must be 1 or more, was " + editWindow.toSeconds());
        }
    }
}
