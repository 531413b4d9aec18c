package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.UserId;
import java.util.Set;

/**
 * What refreshing the group rows did for one message: how many members' group rows it moved forward (0 for a
 * duplicate or late message) and who the group's members are.
 */
public record RefreshResult(int advancedRows, Set<UserId> members) {
    public RefreshResult {
        members = Set.copyOf(members);
    }
}
