package io.cruddur.messaging.core.domain;

import java.util.Set;

/**
 * The text of a message: 1 to {@value #MAX_CHARACTERS} characters (Unicode code points, as the
 * reference counts them) after trimming surrounding white space. What a client sends goes
 * through {@link #parse}, which asks more; stored text (the reference's too) is read as it is.
 *
 * @param value the text, without surrounding white space
 */
public record MessageText(String value) {
    /** The most characters (code points) a message holds. */
    public static final int MAX_CHARACTERS = 1024;
    /** Letters that render as nothing, though Unicode files them as letters or symbols. */
    private static final Set<Integer> BLANK_FILLERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    /**
     * Checks the length and strips surrounding white space; the only checks stored text gets.
     *
     * @param value the text; surrounding white space is dropped
     * @throws MessagingException {@code message_blank} when it is null or blank,
     *         {@code message_exceed_max_chars} when it is over {@value #MAX_CHARACTERS} characters
     *         after trimming
     */
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

    /**
     * A client's text, which must also show something (text of only white space, format
     * characters such as zero-width spaces and direction marks, and blank fillers is blank) and
     * hold no control characters but line feed and tab.
     *
     * @param raw the text as the client sent it; null when absent
     * @return the text, stripped of surrounding white space
     * @throws MessagingException {@code message_blank}, {@code message_control_characters} or
     *         {@code message_exceed_max_chars}
     */
    public static MessageText parse(String raw) {
        if (raw == null || raw.codePoints().noneMatch(MessageText::visible)) {
            throw Validation.invalid(ErrorCode.MESSAGE_BLANK, "message is blank");
        }
        if (raw.codePoints().anyMatch(MessageText::forbiddenControl)) {
            throw Validation.invalid(ErrorCode.MESSAGE_CONTROL_CHARACTERS,
                    "message holds control characters other than line feed and tab");
        }
        return new MessageText(raw);
    }

    /** {@return the text itself} */
    @Override
    public String toString() {
        return value;
    }

    private static boolean visible(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                && type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && !BLANK_FILLERS.contains(codePoint);
    }

    private static boolean forbiddenControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL && codePoint != '\n' && codePoint != '\t';
    }
}
