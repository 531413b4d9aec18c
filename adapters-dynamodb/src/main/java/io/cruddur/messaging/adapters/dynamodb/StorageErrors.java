package io.cruddur.messaging.adapters.dynamodb;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Turns what the SDK throws into the domain's errors, so nothing of the SDK crosses the port. */
public final class StorageErrors {
    private static final Logger LOG = LoggerFactory.getLogger(StorageErrors.class);
    private static final Set<String> THROTTLING_CODES = Set.of(
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ThrottlingException",
            "Throttling", "ThrottlingError", "ProvisionedThroughputExceeded");
    static final String CONDITION_FAILED = "ConditionalCheckFailed";
    static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private StorageErrors() {
    }

    /**
     * {@return the domain's error for what the SDK threw} {@code storage_throttled} when DynamoDB
     * throttled the request (or an item of a transaction), {@code storage_contended} when a
     * concurrent transaction cancelled it, else {@code storage_unavailable}, which is logged as a
     * warning. The failure is kept as the cause.
     *
     * @param failure what a request of the SDK threw
     */
    public static MessagingException translate(SdkException failure) {
        if (failure instanceof TransactionCanceledException cancelled && throttled(cancelled.cancellationReasons())) {
            return new MessagingException(ErrorCode.STORAGE_THROTTLED, "DynamoDB throttled a transaction", failure);
        }
        if (failure instanceof TransactionCanceledException cancelled
                && cancelled.cancellationReasons().stream().anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()))) {
            return new MessagingException(ErrorCode.STORAGE_CONTENDED, "a concurrent transaction touched the same items", failure);
        }
        if (failure instanceof DynamoDbException service && service.awsErrorDetails() != null
                && THROTTLING_CODES.contains(service.awsErrorDetails().errorCode())) {
            return new MessagingException(ErrorCode.STORAGE_THROTTLED, "DynamoDB throttled the request", failure);
        }
        LOG.warn("DynamoDB request failed: {}", failure.toString());
        return new MessagingException(ErrorCode.STORAGE_UNAVAILABLE, "DynamoDB request failed", failure);
    }

    static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static boolean throttled(List<CancellationReason> reasons) {
        return reasons.stream().anyMatch(reason -> reason.code() != null && THROTTLING_CODES.contains(reason.code()));
    }
}
