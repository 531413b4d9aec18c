package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.UserAccount;
import java.util.List;
import java.util.Map;

/**
 * Keeping the users: listing, adding, and giving them their Cognito ids. Operator commands, dev
 * logins and seeding use it, never the messaging use cases. The same rules as
 * {@link UserDirectoryPort}'s hold; failures of the directory surface as
 * {@code directory_unavailable}.
 */
public interface UserAdministrationPort {

    /** {@return every user, ordered by handle (case-insensitively)} */
    List<UserAccount> listUsers();

    /**
     * Adds a user; {@code handle_taken} or {@code cognito_user_id_taken} when unique values clash.
     *
     * @param user the user to add
     * @return the user as stored, with the uuid the directory chose
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code handle_taken},
     *         {@code cognito_user_id_taken} or {@code directory_unavailable}
     */
    UserAccount register(NewUser user);

    /**
     * Gives users their Cognito ids, all in one transaction: either every known handle is
     * assigned or, on {@code cognito_user_id_taken}, none is. Assignments apply in the map's
     * order, each seeing those before it (so an id can move from one user to another). Unknown
     * handles are reported, not refused.
     *
     * @param assignments the Cognito id each handle gets, in the order to apply them
     * @return how many users were updated, and the handles that name no user
     * @throws io.cruddur.messaging.core.domain.MessagingException {@code cognito_user_id_taken}
     *         (and nothing assigned) or {@code directory_unavailable}
     */
    CognitoAssignment assignCognitoUserIds(Map<Handle, CognitoUserId> assignments);
}
