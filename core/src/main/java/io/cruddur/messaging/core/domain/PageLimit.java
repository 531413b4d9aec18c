package io.cruddur.messaging.core.domain;

/**
 * How many items one page holds: 1 to {@value #MAX}, {@value #DEFAULT} when the caller does not say.
 *
 * @param value the number of items, 1 to {@value #MAX}
 */
public record PageLimit(int value) {
    /** The limit when the caller does not give one. */
    public static final int DEFAULT = 20;
    /** The largest limit. */
    public static final int MAX = 100;

    /**
     * Checks the range.
     *
     * @param value the number of items
     * @throws MessagingException {@code limit_invalid} when it is not 1 to {@value #MAX}
     */
    public PageLimit {
        if (value < 1 || value > MAX) {
            throw Validation.invalid(ErrorCode.LIMIT_INVALID, "limit must be 1-" + MAX);
        }
    }

    /** {@return the limit of {@value #DEFAULT} items} */
    public static PageLimit defaultLimit() {
        return new PageLimit(DEFAULT);
    }

    /**
     * Parses a query parameter; absent or empty means the default.
     *
     * @param raw the parameter as the client sent it (surrounding space ignored); null when absent
     * @return the limit
     * @throws MessagingException {@code limit_invalid} when it is not a whole number from 1 to {@value #MAX}
     */
    public static PageLimit parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return defaultLimit();
        }
        try {
            return new PageLimit(Integer.parseInt(raw.strip()));
        } catch (NumberFormatException notANumber) {
            throw Validation.invalid(ErrorCode.LIMIT_INVALID, "limit must be a whole number");
        }
    }
}
