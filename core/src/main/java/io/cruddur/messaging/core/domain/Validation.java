package io.cruddur.messaging.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every invalid-input code of a request, so that a client learns all its mistakes at
 * once (the reference answers with the whole list). Parse each field with {@link #check}, then
 * call {@link #done()}.
 */
public final class Validation {
    private final List<ErrorCode> codes = new ArrayList<>();

    /**
     * Runs one parse; returns its value, or null after recording why it was refused.
     *
     * @param <T>   what the parse gives
     * @param parse the parse of one field
     * @return the parsed value, or null when it was refused as invalid input
     * @throws MessagingException at once, when the parse is refused for any other reason than invalid input
     */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MessagingException refused) {
            if (refused.kind() != ErrorCode.Kind.INVALID_INPUT) {
                throw refused;
            }
            codes.addAll(refused.codes());
            return null;
        }
    }

    /**
     * Throws one exception carrying every recorded code, if any were recorded.
     *
     * @throws MessagingException with every recorded code, in the order recorded
     */
    public void done() {
        if (!codes.isEmpty()) {
            throw new MessagingException(codes, "invalid input: " + codes);
        }
    }

    static MessagingException invalid(ErrorCode code, String detail) {
        return new MessagingException(code, detail);
    }
}
