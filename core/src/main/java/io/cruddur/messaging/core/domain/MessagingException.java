package io.cruddur.messaging.core.domain;

import java.util.List;

/**
 * The one exception of the library: carries one or more {@link ErrorCode}s. Invalid input may
 * carry several codes at once (every problem of a request, not only the first); any other
 * refusal carries exactly one.
 */
public final class MessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<ErrorCode> codes;

    public MessagingException(ErrorCode code, String detail) {
        this(List.of(code), detail, null);
    }

    public MessagingException(ErrorCode code, String detail, Throwable cause) {
        this(List.of(code), detail, cause);
    }

    public MessagingException(List<ErrorCode> codes, String detail) {
        this(codes, detail, null);
    }

    private MessagingException(List<ErrorCode> codes, String detail, Throwable cause) {
        super(detail, cause);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a MessagingException needs at least one code");
        }
        this.codes = List.copyOf(codes);
    }

    /** The first code; the only one unless this is invalid input with several problems. */
    public ErrorCode code() {
        return codes.get(0);
    }

    public List<ErrorCode> codes() {
        return codes;
    }

    public ErrorCode.Kind kind() {
        return code().kind();
    }
}
