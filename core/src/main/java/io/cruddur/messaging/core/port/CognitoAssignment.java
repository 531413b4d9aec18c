package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.Handle;
import java.util.List;

/** What an assignment of Cognito ids did: how many users it updated and which handles it did not know. */
public record CognitoAssignment(int updated, List<Handle> unknownHandles) {
    public CognitoAssignment {
        unknownHandles = List.copyOf(unknownHandles);
    }
}
