package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Handle;
import java.util.List;

/**
 * What an assignment of Cognito ids did: how many users it updated and which handles it did not know.
 *
 * @param updated        how many users were given their Cognito id
 * @param unknownHandles the handles of the assignment that name no user
 */
public record CognitoAssignment(int updated, List<Handle> unknownHandles) {
    /**
     * Copies the handles.
     *
     * @param updated        how many users were given their Cognito id
     * @param unknownHandles the handles that name no user
     */
    public CognitoAssignment {
        unknownHandles = List.copyOf(unknownHandles);
    }
}
