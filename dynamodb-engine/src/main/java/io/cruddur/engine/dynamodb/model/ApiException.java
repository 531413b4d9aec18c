package io.cruddur.engine.dynamodb.model;

import java.util.Map;

/**
 * A refusal as DynamoDB answers it: the error's type (the part after {@code #} of the protocol's
 * {@code __type}), its message, the HTTP status and, for some types, further fields of the body.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final int status;
    private final transient Map<String, Object> extraFields;

    public ApiException(String errorType, String message, int status, Map<String, Object> extraFields) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.status = status;
        this.extraFields = Map.copyOf(extraFields);
    }

    public ApiException(String errorType, String message) {
        this(errorType, message, 400, Map.of());
    }

    public static ApiException validation(String message) {
        return new ApiException("ValidationException", message);
    }

    public static ApiException resourceNotFound(String message) {
        return new ApiException("ResourceNotFoundException", message);
    }

    public static ApiException resourceInUse(String message) {
        return new ApiException("ResourceInUseException", message);
    }

    public String errorType() {
        return errorType;
    }

    public int status() {
        return status;
    }

    /** Fields the body carries beside {@code __type} and {@code message}. */
    public Map<String, Object> extraFields() {
        return extraFields;
    }
}
