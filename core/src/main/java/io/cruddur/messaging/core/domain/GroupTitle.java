package io.cruddur.messaging.core.domain;

import java.util.Objects;

/**
 * The title of a group conversation: 1 to {@value #MAX_CHARACTERS} characters (code points) on
 * one line (no control characters, tabs included, and no line or paragraph separators), without
 * surrounding white space. {@code toString()} gives the title itself.
 *
 * @param value the title
 */
public record GroupTitle(String value) {
    /** The most characters (code points) a title holds. */
    public static final int MAX_CHARACTERS = 100;

    /**
     * Strips surrounding white space and checks the length and the line.
     *
     * @param value the title
     * @throws MessagingException {@code group_title_invalid} when it is blank, longer than
     *         {@value #MAX_CHARACTERS} characters, or holds a control character or a line or
     *         paragraph separator
     */
    public GroupTitle {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX_CHARACTERS
                || value.codePoints().anyMatch(GroupTitle::breaksTheLine)) {
            throw invalid();
        }
    }

    /**
     * A client's title, which must also show something and hold no control characters, as a
     * message's text.
     *
     * @param raw the title as the client sent it
     * @return the title
     * @throws MessagingException {@code group_title_invalid}
     */
    public static GroupTitle parse(String raw) {
        try {
            MessageText.parse(raw);
        } catch (MessagingException notShowable) {
            throw invalid();
        }
        return new GroupTitle(raw);
    }

    /** {@return the title itself} */
    @Override
    public String toString() {
        return value;
    }

    private static boolean breaksTheLine(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static MessagingException invalid() {
        return Validation.invalid(ErrorCode.GROUP_TITLE_INVALID,
                "a group title is 1-" + MAX_CHARACTERS + " visible characters on one line");
    }
}
