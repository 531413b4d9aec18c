package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;

/**
 * Told after pattern E has run for a newly stored message, so a host can push the news to the
 * group's members (their group rows are current by then). Runs on the thread that ran pattern E;
 * keep it quick.
 */
@FunctionalInterface
public interface RefreshListener {
    void refreshed(Message message, RefreshResult result);
}
