package io.cruddur.messaging.core.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Times as the reference writes them, in the API and in storage alike: ISO-8601 in UTC to the
 * microsecond, as Python's {@code datetime.now(timezone.utc).isoformat()} gives them
 * ({@code 2026-03-01T09:15:02.123456+00:00}).
 */
public final class IsoTime {
    private static final DateTimeFormatter TO_THE_MICROSECOND =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private IsoTime() {
    }

    /**
     * {@return the time in UTC with always six fraction digits, such as {@code 2026-03-01T09:15:02.123456+00:00}}
     * Anything finer than a microsecond is dropped.
     *
     * @param time the time to write
     */
    public static String format(Instant time) {
        return TO_THE_MICROSECOND.format(time.truncatedTo(ChronoUnit.MICROS));
    }
}
