package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.util.List;
import java.util.Optional;

/**
 * Where each group's rows were last seen or written, so that moving them for the next message
 * needs no read first. Rows only move forward, so a remembered position is never ahead of the
 * truth: a stale one (a row moved, or rewritten in place, by another process) makes the
 * conditional write fail, and the rows are read again.
 */
public final class RowPositions {
    private final Cache<MessageGroupId, List<MessageGroupRow>> rows;

    /**
     * An empty memory of positions; public for the use case that moves group rows, which keeps one.
     *
     * @param settings the bounds of the cache
     */
    public RowPositions(CacheSettings settings) {
        this.rows = settings.newCache();
    }

    /**
     * {@return a group's rows as last seen or written, or empty when they are not remembered}
     *
     * @param group the group
     */
    public Optional<List<MessageGroupRow>> of(MessageGroupId group) {
        return Optional.ofNullable(rows.getIfPresent(group));
    }

    /**
     * Remembers where a group's rows stand now.
     *
     * @param group   the group
     * @param current its rows as just seen or written
     */
    public void remember(MessageGroupId group, List<MessageGroupRow> current) {
        rows.put(group, List.copyOf(current));
    }

    /**
     * Takes in a row just rewritten in place (its read state changed), so that moving the group's
     * rows next needs no read first; a memory that holds the row at another time is left as it is.
     *
     * @param rewritten the row as just stored
     */
    public void rewritten(MessageGroupRow rewritten) {
        rows.asMap().computeIfPresent(rewritten.groupId(), (group, remembered) -> remembered.stream()
                .map(row -> row.owner().equals(rewritten.owner()) && row.lastMessageAt().equals(rewritten.lastMessageAt())
                        ? rewritten : row)
                .toList());
    }
}
