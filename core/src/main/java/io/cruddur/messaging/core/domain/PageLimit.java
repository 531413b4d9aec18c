package io.cruddur.messaging.core.domain;

/** How many items one page holds: 1 to {@value #MAX}, {@value #DEFAULT} when the caller does not say. */
public record PageLimit(int value) {
    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    public PageLimit {
        if (value < 1 || value > MAX) {
            throw Validation.invalid(ErrorCode.LIMIT_INVALID, "limit must be 1-" + MAX);
        }
    }

    public static PageLimit defaultLimit() {
        return new PageLimit(DEFAULT);
    }

    /** Parses a query parameter; absent or empty means the default. */
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
