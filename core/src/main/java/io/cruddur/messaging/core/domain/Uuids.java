package io.cruddur.messaging.core.domain;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing: {@link UUID#fromString} also accepts short forms such as {@code 1-1-1-1-1}. */
final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static UUID parse(String raw, ErrorCode blank, ErrorCode invalid) {
        if (raw == null || raw.isBlank()) {
            throw Validation.invalid(blank, "uuid is blank");
        }
        String trimmed = raw.strip();
        if (!CANONICAL.matcher(trimmed).matches()) {
            throw Validation.invalid(invalid, "not a canonical uuid");
        }
        return UUID.fromString(trimmed.toLowerCase(Locale.ROOT));
    }
}
