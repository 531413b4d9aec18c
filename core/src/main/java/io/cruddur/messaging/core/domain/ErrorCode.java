package io.cruddur.messaging.core.domain;

/**
 * Every outcome a caller can get instead of a result. The {@link #code()} strings are a stable
 * public contract: hosts send them to clients, clients switch on them. (A host adds codes of its
 * own for what only it can refuse, such as a missing token or a malformed body.)
 */
public enum ErrorCode {
    /**
     * The message shows nothing: empty, or only white space, control or format characters (such as
     * zero-width spaces and direction marks) and blank fillers.
     */
    MESSAGE_BLANK("message_blank", Kind.INVALID_INPUT),
    /** The message is over {@value MessageText#MAX_CHARACTERS} characters (code points, after trimming). */
    MESSAGE_EXCEED_MAX_CHARS("message_exceed_max_chars", Kind.INVALID_INPUT),
    /** The message holds a control character other than line feed and tab. */
    MESSAGE_CONTROL_CHARACTERS("message_control_characters", Kind.INVALID_INPUT),
    /** No group uuid where one is needed. */
    MESSAGE_GROUP_UUID_BLANK("message_group_uuid_blank", Kind.INVALID_INPUT),
    /** The group uuid is not a canonical uuid. */
    MESSAGE_GROUP_UUID_INVALID("message_group_uuid_invalid", Kind.INVALID_INPUT),
    /** No recipient handle to start a conversation with. Spelled as the reference frontend expects it. */
    USER_RECIEVER_HANDLE_BLANK("user_reciever_handle_blank", Kind.INVALID_INPUT),
    /** A handle is not 1 to 64 letters, digits, {@code _}, {@code .} or {@code -}. */
    HANDLE_INVALID("handle_invalid", Kind.INVALID_INPUT),
    /** A display name is blank or over 256 characters. */
    DISPLAY_NAME_INVALID("display_name_invalid", Kind.INVALID_INPUT),
    /** A Cognito user id is blank, padded with white space or over 128 characters. */
    COGNITO_USER_ID_INVALID("cognito_user_id_invalid", Kind.INVALID_INPUT),
    /** The client message uuid is not a canonical uuid. */
    MESSAGE_UUID_INVALID("message_uuid_invalid", Kind.INVALID_INPUT),
    /** A page limit that is not a whole number from 1 to {@value PageLimit#MAX}. */
    LIMIT_INVALID("limit_invalid", Kind.INVALID_INPUT),
    /** Starting a conversation with one's own handle. */
    CONVERSATION_WITH_SELF("conversation_with_self", Kind.INVALID_INPUT),
    /** Blocking, or unblocking, one's own handle. */
    BLOCK_SELF("block_self", Kind.INVALID_INPUT),
    /** A group title that is blank, over 100 characters, or on more than one line. */
    GROUP_TITLE_INVALID("group_title_invalid", Kind.INVALID_INPUT),
    /** A group started with fewer other members than two (one, without a title, is a pair conversation). */
    GROUP_TOO_SMALL("group_too_small", Kind.INVALID_INPUT),
    /** A group started, or grown, past the configured limit of members. */
    GROUP_TOO_LARGE("group_too_large", Kind.INVALID_INPUT),
    /** A page cursor that is malformed, edited, signed with another key or for another list. */
    CURSOR_INVALID("cursor_invalid", Kind.BAD_REQUEST),
    /** A verified token whose Cognito user id belongs to no user of the directory. */
    USER_UNKNOWN("user_unknown", Kind.UNAUTHENTICATED),
    /** Reading or writing a group one is not a member of. */
    NOT_A_MEMBER("not_a_member", Kind.FORBIDDEN),
    /** Editing or deleting a message someone else sent. */
    NOT_THE_SENDER("not_the_sender", Kind.FORBIDDEN),
    /**
     * Writing to someone who blocks you: starting a conversation with them (or a group with them,
     * or adding them to one), or sending in your pair conversation with them.
     */
    BLOCKED("blocked", Kind.FORBIDDEN),
    /** Editing or deleting a message after the edit window (24 hours unless configured) has passed. */
    EDIT_WINDOW_PASSED("edit_window_passed", Kind.FORBIDDEN),
    /** No group with that uuid. */
    MESSAGE_GROUP_NOT_FOUND("message_group_not_found", Kind.NOT_FOUND),
    /** No message with that uuid in the group. */
    MESSAGE_NOT_FOUND("message_not_found", Kind.NOT_FOUND),
    /** No user with that handle. */
    HANDLE_NOT_FOUND("handle_not_found", Kind.NOT_FOUND),
    /** A client message uuid the sender already used for a different message (other text or group). */
    MESSAGE_UUID_REUSED("message_uuid_reused", Kind.CONFLICT),
    /** Editing a message its sender deleted. */
    MESSAGE_DELETED("message_deleted", Kind.CONFLICT),
    /** Adding people to, or leaving, a pair conversation, whose two members never change. */
    PAIR_MEMBERS_FIXED("pair_members_fixed", Kind.CONFLICT),
    /** Registering a handle that exists, regardless of case. */
    HANDLE_TAKEN("handle_taken", Kind.CONFLICT),
    /** A Cognito user id that belongs to another user. */
    COGNITO_USER_ID_TAKEN("cognito_user_id_taken", Kind.CONFLICT),
    /** A write kept meeting concurrent writers; retrying may succeed. */
    STORAGE_CONTENDED("storage_contended", Kind.UNAVAILABLE),
    /** The message storage throttled the request; retry later. */
    STORAGE_THROTTLED("storage_throttled", Kind.UNAVAILABLE),
    /** The message storage could not be reached, or refused the request. */
    STORAGE_UNAVAILABLE("storage_unavailable", Kind.UNAVAILABLE),
    /** The user directory could not be reached, or refused the request. */
    DIRECTORY_UNAVAILABLE("directory_unavailable", Kind.UNAVAILABLE);

    /** What kind of refusal a code is; hosts map a kind to a status (HTTP 422, 400, 401, 403, 404, 409, 503). */
    public enum Kind {
        /** A field of the request is refused (422); {@link Validation} collects these, every one at once. */
        INVALID_INPUT,
        /** The request cannot be served as made, such as with a bad cursor (400). */
        BAD_REQUEST,
        /** The caller is not a known user (401). */
        UNAUTHENTICATED,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** What the request names does not exist (404). */
        NOT_FOUND,
        /** The request clashes with what is stored (409). */
        CONFLICT,
        /** Storage or the directory failed for a passing reason; retrying may succeed (503). */
        UNAVAILABLE
    }

    private final String code;
    private final Kind kind;

    ErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** {@return the stable string clients see, such as {@code message_blank}} */
    public String code() {
        return code;
    }

    /** {@return what kind of refusal this is, from which a host chooses its status} */
    public Kind kind() {
        return kind;
    }
}
