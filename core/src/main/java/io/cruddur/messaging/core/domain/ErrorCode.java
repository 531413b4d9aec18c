package io.cruddur.messaging.core.domain;

/**
 * Every outcome a caller can get instead of a result. The {@link #code()} strings are a stable
 * public contract: hosts send them to clients, clients switch on them.
 */
public enum ErrorCode {
    MESSAGE_BLANK("message_blank", Kind.INVALID_INPUT),
    MESSAGE_EXCEED_MAX_CHARS("message_exceed_max_chars", Kind.INVALID_INPUT),
    MESSAGE_CONTROL_CHARACTERS("message_control_characters", Kind.INVALID_INPUT),
    MESSAGE_GROUP_UUID_BLANK("message_group_uuid_blank", Kind.INVALID_INPUT),
    MESSAGE_GROUP_UUID_INVALID("message_group_uuid_invalid", Kind.INVALID_INPUT),
    /** Spelled as the reference frontend expects it. */
    USER_RECIEVER_HANDLE_BLANK("user_reciever_handle_blank", Kind.INVALID_INPUT),
    HANDLE_INVALID("handle_invalid", Kind.INVALID_INPUT),
    DISPLAY_NAME_INVALID("display_name_invalid", Kind.INVALID_INPUT),
    COGNITO_USER_ID_INVALID("cognito_user_id_invalid", Kind.INVALID_INPUT),
    MESSAGE_UUID_INVALID("message_uuid_invalid", Kind.INVALID_INPUT),
    LIMIT_INVALID("limit_invalid", Kind.INVALID_INPUT),
    CONVERSATION_WITH_SELF("conversation_with_self", Kind.INVALID_INPUT),
    CURSOR_INVALID("cursor_invalid", Kind.BAD_REQUEST),
    USER_UNKNOWN("user_unknown", Kind.UNAUTHENTICATED),
    NOT_A_MEMBER("not_a_member", Kind.FORBIDDEN),
    MESSAGE_GROUP_NOT_FOUND("message_group_not_found", Kind.NOT_FOUND),
    HANDLE_NOT_FOUND("handle_not_found", Kind.NOT_FOUND),
    MESSAGE_UUID_REUSED("message_uuid_reused", Kind.CONFLICT),
    HANDLE_TAKEN("handle_taken", Kind.CONFLICT),
    COGNITO_USER_ID_TAKEN("cognito_user_id_taken", Kind.CONFLICT),
    STORAGE_CONTENDED("storage_contended", Kind.UNAVAILABLE),
    STORAGE_THROTTLED("storage_throttled", Kind.UNAVAILABLE),
    STORAGE_UNAVAILABLE("storage_unavailable", Kind.UNAVAILABLE),
    DIRECTORY_UNAVAILABLE("directory_unavailable", Kind.UNAVAILABLE);

    /** What kind of refusal a code is; hosts map a kind to a status (HTTP 422, 400, 401, 403, 404, 409, 503). */
    public enum Kind {
        INVALID_INPUT,
        BAD_REQUEST,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        UNAVAILABLE
    }

    private final String code;
    private final Kind kind;

    ErrorCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
