package io.cruddur.messaging.core.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's public handle, written {@code @andrewbrown}. Handles are unique regardless of case:
 * compare and look them up by {@link #normalized()}; {@link #value()} keeps the spelling the
 * user chose.
 */
public record Handle(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public Handle {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw Validation.invalid(ErrorCode.HANDLE_INVALID,
                    "a handle is 1-64 letters, digits, '_', '.' or '-'");
        }
    }

    /**
     * Parses the recipient of a new conversation as a client writes it: surrounding space and
     * one leading {@code @} are dropped; {@code user_reciever_handle_blank} when nothing is left.
     */
    public static Handle parseRecipient(String raw) {
        String stripped = raw == null ? "" : raw.strip();
        if (stripped.startsWith("@")) {
            stripped = stripped.substring(1);
        }
        if (stripped.isEmpty()) {
            throw Validation.invalid(ErrorCode.USER_RECIEVER_HANDLE_BLANK, "recipient handle is blank");
        }
        return new Handle(stripped);
    }

    /** Lower-cased form under which handles are unique and looked up. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "@" + value;
    }
}
