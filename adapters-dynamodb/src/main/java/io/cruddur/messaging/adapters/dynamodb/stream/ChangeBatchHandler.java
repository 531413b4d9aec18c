package io.cruddur.messaging.adapters.dynamodb.stream;

import java.util.List;
import java.util.Optional;

/** What a stream host (the poller, the Lambda handler) hands each batch of records to. */
public interface ChangeBatchHandler {

    /**
     * How a batch went: rows moved, and the sequence number of the record to resume from when one failed.
     *
     * @param advancedRows how many group rows moved forward
     * @param failedAt     the sequence number of the first record to be delivered again, when one
     *                     failed for a passing reason; empty when the whole batch is done
     */
    record BatchResult(int advancedRows, Optional<String> failedAt) {

        /**
         * Where in {@code batch} the failed record is: everything before it is done.
         *
         * @param batch the records this result is for
         * @return the failed record's index in {@code batch}
         * @throws IllegalStateException when the batch did not fail, or the failed record is not in
         *                               {@code batch}
         */
        public int failedPosition(List<ChangeRecord> batch) {
            String failed = failedAt.orElseThrow(() -> new IllegalStateException("the batch did not fail"));
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).sequenceNumber().equals(failed)) {
                    return i;
                }
            }
            throw new IllegalStateException("the handler reported a record it was not given: " + failed);
        }
    }

    /**
     * Handles the records in order, stopping at the first that fails for a passing reason.
     *
     * @param batch records of one shard, in the shard's order
     * @return the rows moved, and the record to resume from if one failed
     */
    BatchResult handle(List<ChangeRecord> batch);
}
