package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import java.time.Duration;

/** A short wait for an eventually consistent read to catch up. */
final class Pause {
    /** How long to wait before looking at the group index again. */
    static final Duration FOR_INDEX = Duration.ofMillis(100);

    private Pause() {
    }

    /** Waits {@link #FOR_INDEX}; an interrupt ends the wait as {@code storage_unavailable}, the interrupt kept. */
    static void forIndex(String waitingFor) {
        try {
            Thread.sleep(FOR_INDEX.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MessagingException(ErrorCode.STORAGE_UNAVAILABLE, "interrupted while waiting for " + waitingFor);
        }
    }
}
