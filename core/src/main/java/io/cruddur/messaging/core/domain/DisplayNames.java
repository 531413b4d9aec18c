package io.cruddur.messaging.core.domain;

/** The one rule for display names, shared by users and new users. */
final class DisplayNames {
    static final int MAX_CHARACTERS = 256;

    private DisplayNames() {
    }

    static String check(String displayName) {
        String stripped = displayName == null ? "" : displayName.strip();
        if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > MAX_CHARACTERS) {
            throw Validation.invalid(ErrorCode.DISPLAY_NAME_INVALID,
                    "a display name is 1-" + MAX_CHARACTERS + " characters");
        }
        return stripped;
    }
}
