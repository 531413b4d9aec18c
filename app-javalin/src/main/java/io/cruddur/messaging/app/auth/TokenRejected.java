package io.cruddur.messaging.app.auth;

/** A request's credentials were missing or did not verify; the host answers 401 with {@link #code()}. */
public final class TokenRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    TokenRejected(String code, String reason) {
        super(reason);
        this.code = code;
    }

    static TokenRejected missing() {
        return new TokenRejected("token_missing", "no Authorization: Bearer header");
    }

    static TokenRejected invalid(String reason) {
        return new TokenRejected("token_invalid", reason);
    }

    public String code() {
        return code;
    }
}
