package io.cruddur.messaging.core.domain;

/**
 * The {@code sub} of a Cognito access token: how an authenticated caller is found in the directory.
 *
 * @param value the {@code sub} as the token holds it: 1 to 128 characters, without surrounding space
 */
public record CognitoUserId(String value) {
    private static final int MAX_LENGTH = 128;

    /**
     * Checks the id.
     *
     * @param value the {@code sub} as the token holds it
     * @throws MessagingException {@code cognito_user_id_invalid} when it is null, blank, padded with
     *         white space or over 128 characters
     */
    public CognitoUserId {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH || !value.equals(value.strip())) {
            throw Validation.invalid(ErrorCode.COGNITO_USER_ID_INVALID, "cognito user id must be 1-128 characters");
        }
    }

    /** {@return the id itself} */
    @Override
    public String toString() {
        return value;
    }
}
