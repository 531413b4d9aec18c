package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.IsoTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Sort keys are ISO-8601 UTC times as the reference writes them with Python's
 * {@code datetime.now(timezone.utc).isoformat()}: {@code 2026-03-01T09:15:02.123456+00:00}, or
 * without the fraction when the microseconds are zero ({@code 2026-03-01T09:15:02+00:00}).
 * Both sort in time order as strings; range bounds are chosen so that neither spelling of the
 * bound's own instant falls inside an exclusive range.
 */
final class Timestamps {
    private static final DateTimeFormatter WITHOUT_FRACTION =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** How this adapter writes a time: always six fraction digits ({@link IsoTime}). */
    static String format(Instant time) {
        return IsoTime.format(time);
    }

    /** Reads either spelling (and any other ISO-8601 offset time). */
    static Instant parse(String stored) {
        try {
            return OffsetDateTime.parse(stored, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException("not an ISO-8601 time: " + stored, notATime);
        }
    }

    /** A bound for {@code sk < bound} that excludes {@code time} however it was spelled. */
    static String beforeBound(Instant time) {
        Instant micros = time.truncatedTo(ChronoUnit.MICROS);
        // Without a fraction the string is the smallest spelling of this second ('+' sorts before '.').
        return micros.getNano() == 0 ? WITHOUT_FRACTION.format(micros) : format(micros);
    }

    /** A bound for {@code sk > bound} that excludes {@code time} however it was spelled. */
    static String afterBound(Instant time) {
        return format(time);
    }
}
