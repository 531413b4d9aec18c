package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;

/**
 * Told once the group rows have been refreshed for a newly stored message, so a host can push the news to the
 * group's members (their group rows are current by then). Called from the threads that move
 * group rows, several at once for different groups: thread-safe, quick, never blocking.
 */
@FunctionalInterface
public interface RefreshListener {
    void refreshed(Message message, RefreshResult result);
}
