package io.cruddur.messaging.core.domain;

import java.util.List;

/**
 * The one exception of the library: carries one or more {@link ErrorCode}s. Invalid input may
 * carry several codes at once (every problem of a request, not only the first); any other
 * refusal carries exactly one.
 */
public final class MessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The codes, in the order the problems were found; never empty. */
    private final List<ErrorCode> codes;

    /**
     * A refusal with one code.
     *
     * @param code   why the request was refused
     * @param detail a message for logs and people; clients get the code
     */
    public MessagingException(ErrorCode code, String detail) {
        this(List.of(code), detail, null);
    }

    /**
     * A refusal with one code, caused by another failure (such as the storage's own).
     *
     * @param code   why the request was refused
     * @param detail a message for logs and people; clients get the code
     * @param cause  the failure behind it
     */
    public MessagingException(ErrorCode code, String detail, Throwable cause) {
        this(List.of(code), detail, cause);
    }

    /**
     * A refusal with several codes: every problem of invalid input.
     *
     * @param codes  why the request was refused, in field order; at least one
     * @param detail a message for logs and people; clients get the codes
     * @throws IllegalArgumentException when {@code codes} is empty
     */
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

    /** {@return the first code; the only one unless this is invalid input with several problems} */
    public ErrorCode code() {
        return codes.get(0);
    }

    /** {@return every code, in the order the problems were found; never empty} */
    public List<ErrorCode> codes() {
        return codes;
    }

    /** {@return the kind of refusal, that of the first code} */
    public ErrorCode.Kind kind() {
        return code().kind();
    }
}
