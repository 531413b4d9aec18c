package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;

/**
 * Told once the group rows have been refreshed for a newly stored message, so a host can push the news to the
 * group's members (their group rows are current by then). Called from the threads that move
 * group rows, several at once for different groups: thread-safe, quick, never blocking.
 */
@FunctionalInterface
public interface RefreshListener {
    /**
     * Hears that a message's group rows have been refreshed.
     *
     * @param message the newly stored message
     * @param result  how many rows moved for it, and who the group's members are
     */
    void refreshed(Message message, RefreshResult result);
}
