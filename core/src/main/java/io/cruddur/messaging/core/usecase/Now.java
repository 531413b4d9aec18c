package io.cruddur.messaging.core.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Message times have microsecond precision, as the reference's ISO-8601 timestamps do. */
final class Now {
    private Now() {
    }

    static Instant of(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
