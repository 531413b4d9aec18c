package io.cruddur.messaging.adapters.postgres;

import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.domain.UserId;
import io.cruddur.messaging.core.port.CognitoAssignment;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link UserDirectoryPort} and {@link UserAdministrationPort} on the {@code users} and
 * {@code blocks} tables (see {@code db/migration}). One statement per lookup, each served by an
 * index; Cognito id assignments run in one transaction.
 */
public final class PostgresUserDirectory implements UserDirectoryPort, UserAdministrationPort {
    private static final String COLUMNS = "uuid, handle, display_name, email, cognito_user_id";

    private final Jdbi jdbi;

    /**
     * A directory on the database {@code jdbi} reaches.
     *
     * @param jdbi over the user database, migrated ({@link UserDatabase#migrate}); usually
     *             {@link UserDatabase#jdbi} over the pool
     */
    public PostgresUserDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> findByCognitoUserId(CognitoUserId cognitoUserId) {
        return findOne("cognito_user_id = :value", cognitoUserId.value());
    }

    @Override
    public Optional<User> findByHandle(Handle handle) {
        return findOne("lower(handle) = lower(:value)", handle.value());
    }

    @Override
    public List<User> blockedBy(UserId blocker) {
        return run(database -> database.createQuery("SELECT " + qualified("u") + " FROM blocks b JOIN users u"
                        + " ON u.uuid = b.blocked WHERE b.blocker = :blocker ORDER BY b.created_at, u.uuid")
                .bind("blocker", blocker.value())
                .map(PostgresUserDirectory::account)
                .map(UserAccount::user)
                .list());
    }

    @Override
    public void block(UserId blocker, UserId blocked) {
        if (blocker.equals(blocked)) {
            throw new IllegalArgumentException("nobody blocks themselves");
        }
        run(database -> database.createUpdate("INSERT INTO blocks (blocker, blocked) VALUES (:blocker, :blocked)"
                        + " ON CONFLICT DO NOTHING")
                .bind("blocker", blocker.value())
                .bind("blocked", blocked.value())
                .execute());
    }

    @Override
    public void unblock(UserId blocker, UserId blocked) {
        run(database -> database.createUpdate("DELETE FROM blocks WHERE blocker = :blocker AND blocked = :blocked")
                .bind("blocker", blocker.value())
                .bind("blocked", blocked.value())
                .execute());
    }

    @Override
    public List<UserAccount> listUsers() {
        return run(database -> database.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY lower(handle)")
                .map(PostgresUserDirectory::account)
                .list());
    }

    @Override
    public UserAccount register(NewUser user) {
        return run(database -> database.createQuery("INSERT INTO users (handle, display_name, email, cognito_user_id) "
                        + "VALUES (:handle, :displayName, :email, :cognitoUserId) RETURNING " + COLUMNS)
                .bind("handle", user.handle().value())
                .bind("displayName", user.displayName())
                .bind("email", user.email())
                .bind("cognitoUserId", user.cognitoUserId().map(CognitoUserId::value).orElse(null))
                .map(PostgresUserDirectory::account)
                .one());
    }

    @Override
    public CognitoAssignment assignCognitoUserIds(Map<Handle, CognitoUserId> assignments) {
        try {
            return jdbi.inTransaction(database -> {
                List<Handle> unknown = new ArrayList<>();
                int updated = 0;
                for (var assignment : assignments.entrySet()) {
                    int rows = database.createUpdate(
                                    "UPDATE users SET cognito_user_id = :cognitoUserId WHERE lower(handle) = lower(:handle)")
                            .bind("cognitoUserId", assignment.getValue().value())
                            .bind("handle", assignment.getKey().value())
                            .execute();
                    if (rows == 0) {
                        unknown.add(assignment.getKey());
                    }
                    updated += rows;
                }
                return new CognitoAssignment(updated, unknown);
            });
        } catch (JdbiException failure) {
            throw DirectoryErrors.translate(failure);
        }
    }

    private static String qualified(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private Optional<User> findOne(String condition, Object value) {
        return run(database -> database.createQuery("SELECT " + COLUMNS + " FROM users WHERE " + condition)
                .bind("value", value)
                .map(PostgresUserDirectory::account)
                .findOne()
                .map(UserAccount::user));
    }

    private <T> T run(Function<org.jdbi.v3.core.Handle, T> work) {
        try {
            return jdbi.withHandle(work::apply);
        } catch (JdbiException failure) {
            throw DirectoryErrors.translate(failure);
        }
    }

    private static UserAccount account(ResultSet row, StatementContext context) throws SQLException {
        try {
            User user = new User(new UserId(row.getObject("uuid", UUID.class)),
                    new Handle(row.getString("handle")), row.getString("display_name"));
            return new UserAccount(user, row.getString("email"),
                    Optional.ofNullable(row.getString("cognito_user_id")).map(CognitoUserId::new));
        } catch (MessagingException invalidStoredValue) {
            throw new SQLException("a users row holds a value the domain refuses: " + invalidStoredValue.codes(),
                    invalidStoredValue);
        }
    }
}
