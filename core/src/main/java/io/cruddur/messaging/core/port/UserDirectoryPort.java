package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.domain.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the users are. Handles are unique regardless of case, Cognito user ids are unique when
 * present. Failures of the directory itself surface as {@code directory_unavailable}.
 */
public interface UserDirectoryPort {

    Optional<User> findByCognitoUserId(CognitoUserId cognitoUserId);

    /** Case-insensitive. */
    Optional<User> findByHandle(Handle handle);

    Optional<User> findById(UserId id);

    /** The users among {@code ids} that exist, by id, in one lookup; unknown ids are left out. */
    Map<UserId, User> findByIds(Set<UserId> ids);

    /** Every user, ordered by handle (case-insensitively). */
    List<UserAccount> listUsers();

    /** Adds a user; {@code handle_taken} or {@code cognito_user_id_taken} when unique values clash. */
    UserAccount register(NewUser user);

    /**
     * Gives users their Cognito ids, all in one transaction: either every known handle is
     * assigned or, on {@code cognito_user_id_taken}, none is. Assignments apply in the map's
     * order, each seeing those before it (so an id can move from one user to another). Unknown
     * handles are reported, not refused.
     */
    CognitoAssignment assignCognitoUserIds(Map<Handle, CognitoUserId> assignments);
}
