package io.cruddur.messaging.adapters.postgres;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what JDBC and Jdbi throw into the domain's errors, so nothing of SQL crosses the port. */
final class DirectoryErrors {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryErrors.class);
    private static final String UNIQUE_VIOLATION = "23505";
    static final String HANDLE_INDEX = "users_handle_key";
    static final String COGNITO_USER_ID_INDEX = "users_cognito_user_id_key";

    private DirectoryErrors() {
    }

    static MessagingException translate(RuntimeException failure) {
        Optional<SQLException> sql = sqlCause(failure);
        if (sql.isPresent() && UNIQUE_VIOLATION.equals(sql.get().getSQLState())) {
            String constraint = constraintOf(sql.get());
            if (HANDLE_INDEX.equals(constraint)) {
                return new MessagingException(ErrorCode.HANDLE_TAKEN, "that handle is taken");
            }
            if (COGNITO_USER_ID_INDEX.equals(constraint)) {
                return new MessagingException(ErrorCode.COGNITO_USER_ID_TAKEN, "that Cognito user id belongs to another user");
            }
        }
        LOG.warn("user directory request failed: {}", sql.map(Object::toString).orElse(failure.toString()));
        return new MessagingException(ErrorCode.DIRECTORY_UNAVAILABLE, "the user directory could not answer", failure);
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private static String constraintOf(SQLException sql) {
        if (sql instanceof PSQLException postgres) {
            ServerErrorMessage message = postgres.getServerErrorMessage();
            if (message != null && message.getConstraint() != null) {
                return message.getConstraint();
            }
        }
        return "";
    }
}
