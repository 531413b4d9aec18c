package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupId;
import java.util.Objects;

/**
 * News that a group conversation's members changed: every host forgets the members it remembers
 * and reads them again, so someone who left is refused at once everywhere the news reaches.
 *
 * @param group the group whose members changed
 */
public record MembersNews(MessageGroupId group) implements GroupNews {
    /**
     * Requires the group.
     *
     * @param group the group
     * @throws NullPointerException when it is null
     */
    public MembersNews {
        Objects.requireNonNull(group, "group");
    }
}
