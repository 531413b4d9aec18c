package io.cruddur.messaging.core.port;

import java.util.OptionalInt;

/**
 * How a batch of new messages went: how many group rows moved forward, and, when some group
 * failed for a passing reason, the position in the batch from which it must be delivered again.
 * Everything before that position is done; a repeat of anything after it is harmless.
 */
public record BatchOutcome(int advancedRows, OptionalInt redeliverFrom) {

    public static BatchOutcome done(int advancedRows) {
        return new BatchOutcome(advancedRows, OptionalInt.empty());
    }

    public boolean complete() {
        return redeliverFrom.isEmpty();
    }
}
