package io.cruddur.messaging.core.port;

import io.cruddur.messaging.core.domain.GroupMembers;
import io.cruddur.messaging.core.domain.MessageGroupRow;
import java.util.List;

/** What {@link MessagingPort#changeMembers} did. */
public sealed interface MembershipOutcome {

    /**
     * The members changed and every row with them.
     *
     * @param members the members as stored now
     * @param rows    every member's row as stored now (a joining member's time may sit a
     *                microsecond or more later than the group's latest message, to stay unique
     *                among their rows)
     */
    record Changed(GroupMembers members, List<MessageGroupRow> rows) implements MembershipOutcome {
        /**
         * Copies the rows.
         *
         * @param members the members as stored
         * @param rows    the rows as stored
         */
        public Changed {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The members or a row were no longer as read (another change, or a new message moving the
     * rows, came first); nothing was written.
     */
    record Outdated() implements MembershipOutcome {
    }
}
