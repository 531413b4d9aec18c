package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.UserId;
import java.util.Set;

/**
 * What refreshing the group rows did for one message: how many members' group rows it moved forward (0 for a
 * duplicate or late message) and who the group's members are.
 *
 * @param advancedRows how many group rows moved forward
 * @param members      the group's members; empty when no rows of the group were found
 */
public record RefreshResult(int advancedRows, Set<UserId> members) {
    /**
     * Copies the members.
     *
     * @param advancedRows how many group rows moved forward
     * @param members      the group's members
     */
    public RefreshResult {
        members = Set.copyOf(members);
    }
}
