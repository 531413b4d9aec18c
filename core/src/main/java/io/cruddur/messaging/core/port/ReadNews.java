package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * News that a member's read position in a group moved forward. The position travels with the
 * news, since the index that finds a group's rows may not show it yet; a host that hears it tells
 * only the group's members, and only of a member.
 *
 * @param group    the group
 * @param reader   the member who read
 * @param readUpTo the time of the latest message they have read now
 */
public record ReadNews(MessageGroupId group, UserId reader, Instant readUpTo) implements GroupNews {
    /**
     * Requires every component; truncates the position to the microsecond.
     *
     * @param group    the group
     * @param reader   the member who read
     * @param readUpTo their position now
     * @throws NullPointerException when a component is null
     */
    public ReadNews {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(reader, "reader");
        readUpTo = Objects.requireNonNull(readUpTo, "readUpTo").truncatedTo(ChronoUnit.MICROS);
    }
}
