package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A short wait for an eventually consistent read to catch up. */
final class Pause {
    /** How long to wait before looking at the group index again. */
    static final Duration FOR_INDEX = Duration.ofMillis(100);

    private Pause() {
    }

    /** How many times a read of the group index is made before giving up on it catching up. */
    static final int INDEX_LOOKUPS = 4;

    /**
     * Reads until the read is {@code caughtUp}, {@link #FOR_INDEX} apart, at most
     * {@value #INDEX_LOOKUPS} times; then {@code storage_contended} (a retry may find it).
     */
    static <T> T untilCaughtUp(String waitingFor, Supplier<T> read, Predicate<T> caughtUp) {
        for (int lookup = 1; ; lookup++) {
            T found = read.get();
            if (caughtUp.test(found)) {
                return found;
            }
            if (lookup == INDEX_LOOKUPS) {
                throw new MessagingException(ErrorCode.STORAGE_CONTENDED, waitingFor + " is not in the index yet");
            }
            forIndex(waitingFor);
        }
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
