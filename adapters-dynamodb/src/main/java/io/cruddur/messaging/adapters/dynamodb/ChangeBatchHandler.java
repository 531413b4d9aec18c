package io.cruddur.messaging.adapters.dynamodb;

import java.util.List;
import java.util.Optional;

/** What a stream host (the poller, the Lambda handler) hands each batch of records to. */
public interface ChangeBatchHandler {

    /** How a batch went: rows moved, and the sequence number of the record to resume from when one failed. */
    record BatchResult(int advancedRows, Optional<String> failedAt) {
    }

    /** Handles the records in order, stopping at the first that fails for a passing reason. */
    BatchResult handle(List<ChangeRecord> batch);
}
