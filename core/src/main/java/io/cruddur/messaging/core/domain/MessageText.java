package io.cruddur.messaging.core.domain;

/**
 * The text of a message: 1 to {@value #MAX_CHARACTERS} characters (Unicode code points, as the
 * reference counts them) after trimming surrounding white space.
 */
public record MessageText(String value) {
    public static final int MAX_CHARACTERS = 1024;

    public MessageText {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(ErrorCode.MESSAGE_BLANK, "message is blank");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_CHARACTERS) {
            throw Validation.invalid(ErrorCode.MESSAGE_EXCEED_MAX_CHARS,
                    "message is longer than " + MAX_CHARACTERS + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
