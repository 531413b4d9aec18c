package io.cruddur.messaging.core.domain;

/**
 * An opaque page token handed out with a page and given back to fetch the next one. It is signed
 * and bound to the list it came from; anything else is refused with {@code cursor_invalid}.
 */
public record Cursor(String token) {
    private static final int MAX_LENGTH = 512;

    public Cursor {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw new MessagingException(ErrorCode.CURSOR_INVALID, "cursor is empty or too long");
        }
    }

    @Override
    public String toString() {
        return token;
    }
}
