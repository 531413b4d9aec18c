package io.cruddur.messaging.adapters.dynamodb;

import java.time.Duration;
import java.time.Instant;

/** Waits, within a bound, for something that happens in the background (the stream poller). */
public final class Eventually {
    private Eventually() {
    }

    public static void within(Duration bound, Runnable assertion) {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }
}
