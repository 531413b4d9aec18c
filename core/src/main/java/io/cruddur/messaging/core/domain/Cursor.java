package io.cruddur.messaging.core.domain;

/**
 * An opaque page token handed out with a page and given back to fetch the next one. It is signed
 * and bound to the list it came from; anything else is refused with {@code cursor_invalid}.
 *
 * @param token the token as handed out, at most 512 characters
 */
public record Cursor(String token) {
    private static final int MAX_LENGTH = 512;

    /**
     * Checks only the token's size; whether it is genuine and for the list at hand is checked when it is used.
     *
     * @param token the token as handed out
     * @throws MessagingException {@code cursor_invalid} when it is null, empty or over 512 characters
     */
    public Cursor {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new MessagingException(ErrorCode.CURSOR_INVALID, "cursor is empty or too long");
        }
    }

    /** {@return the token itself} */
    @Override
    public String toString() {
        return token;
    }
}
