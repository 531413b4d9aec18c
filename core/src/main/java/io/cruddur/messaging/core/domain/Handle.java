package io.cruddur.messaging.core.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's public handle, written {@code @andrewbrown}. Handles are unique regardless of case:
 * compare and look them up by {@link #normalized()}; {@link #value()} keeps the spelling the
 * user chose.
 *
 * @param value the handle as stored, without the leading {@code @}: 1 to 64 letters, digits,
 *              {@code _}, {@code .} or {@code -}
 */
public record Handle(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /**
     * Checks the handle; {@link #parse} takes it as people write it instead.
     *
     * @param value the handle without the leading {@code @}
     * @throws MessagingException {@code handle_invalid} when it is null or not 1 to 64 letters,
     *         digits, {@code _}, {@code .} or {@code -}
     */
    public Handle {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw Validation.invalid(ErrorCode.HANDLE_INVALID,
                    "a handle is 1-64 letters, digits, '_', '.' or '-'");
        }
    }

    /**
     * A handle as people write it ({@code @bayko}, {@code bayko}, {@code " @bayko "}): surrounding
     * space and one leading {@code @} are dropped; {@code handle_invalid} when what is left is no
     * handle.
     *
     * @param written the handle as typed; null reads as empty
     * @return the handle
     * @throws MessagingException {@code handle_invalid} when what is left is no handle
     */
    public static Handle parse(String written) {
        return new Handle(withoutAt(written));
    }

    /**
     * {@return whether {@code written} names nobody at all: nothing but space and at most one {@code @}}
     *
     * @param written the handle as typed; null counts as blank
     */
    public static boolean isBlank(String written) {
        return withoutAt(written).isEmpty();
    }

    private static String withoutAt(String written) {
        String stripped = written == null ? "" : written.strip();
        return stripped.startsWith("@") ? stripped.substring(1) : stripped;
    }

    /** {@return the lower-cased form under which handles are unique and looked up} */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the handle as people write it, {@code @andrewbrown}, for messages and logs} The API,
     * the table and the directory hold {@link #value()}, without the {@code @}.
     */
    @Override
    public String toString() {
        return "@" + value;
    }
}
