package io.cruddur.messaging.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.util.List;
import java.util.Optional;

/**
 * Where each group's rows were last seen or written, so that moving them for the next message
 * needs no read first. Rows only move forward, so a remembered position is never ahead of the
 * truth: a stale one makes the conditional write fail, and the rows are read again.
 */
public final class RowPositions {
    private final Cache<MessageGroupId, List<MessageGroupRow>> rows;

    public RowPositions(CacheSettings settings) {
        this.rows = settings.newCache();
    }

    public Optional<List<MessageGroupRow>> of(MessageGroupId group) {
        return Optional.ofNullable(rows.getIfPresent(group));
    }

    public void remember(MessageGroupId group, List<MessageGroupRow> current) {
        rows.put(group, List.copyOf(current));
    }
}
