package io.cruddur.messaging.core.domain;

/** The {@code sub} of a Cognito access token: how an authenticated caller is found in the directory. */
public record CognitoUserId(String value) {
    private static final int MAX_LENGTH = 128;

    public CognitoUserId {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH || !value.equals(value.strip())) {
            throw Validation.invalid(ErrorCode.COGNITO_USER_ID_INVALID, "cognito user id must be 1-128 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
