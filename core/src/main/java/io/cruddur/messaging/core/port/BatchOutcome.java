package io.cruddur.messaging.core.port;

import java.util.OptionalInt;

/**
 * How a batch of new messages went: how many group rows moved forward, and, when some group
 * failed for a passing reason, the position in the batch from which it must be delivered again.
 * Everything before that position is done; a repeat of anything after it is harmless.
 *
 * @param advancedRows  how many group rows moved forward
 * @param redeliverFrom the position (0-based, in the batch) from which the batch must come again;
 *                      empty when all of it was handled
 */
public record BatchOutcome(int advancedRows, OptionalInt redeliverFrom) {

    /**
     * {@return a batch handled in full}
     *
     * @param advancedRows how many group rows moved forward
     */
    public static BatchOutcome done(int advancedRows) {
        return new BatchOutcome(advancedRows, OptionalInt.empty());
    }

    /** {@return whether the whole batch was handled, so that nothing of it must come again} */
    public boolean complete() {
        return redeliverFrom.isEmpty();
    }
}
