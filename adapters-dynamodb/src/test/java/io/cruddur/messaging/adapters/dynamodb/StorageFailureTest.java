package io.cruddur.messaging.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.core.contract.Fixtures;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.port.SliceQuery;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Whatever goes wrong below the port comes out as a domain error; nothing of the SDK leaks. */
class StorageFailureTest {
    private static final TestDynamoDb LOCAL = TestDynamoDb.shared();

    @Test
    void an_unreachable_endpoint_is_storage_unavailable_within_the_call_timeout() throws IOException {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        DynamoDbSettings impatient = new DynamoDbSettings(Optional.of(nobodyListens), Optional.empty(), "messages",
                Duration.ofSeconds(2), Duration.ofMillis(500), 2);
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(DynamoDbClients.dynamo(impatient), "messages");

        long started = System.nanoTime();
        assertCode(() -> port.messages(Fixtures.newGroup(), SliceQuery.newest(10)), ErrorCode.STORAGE_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void a_missing_table_is_storage_unavailable() {
        DynamoDbMessagingPort port = new DynamoDbMessagingPort(LOCAL.dynamo(), "no-such-table");

        assertCode(() -> port.rowsOfGroup(Fixtures.newGroup()), ErrorCode.STORAGE_UNAVAILABLE);
        assertCode(() -> port.appendMessage(Fixtures.message(Fixtures.newGroup(), Fixtures.user("a"), "x", Fixtures.T0)),
                ErrorCode.STORAGE_UNAVAILABLE);
    }

    @Test
    void throttling_is_storage_throttled_whether_a_request_or_a_transaction_was_refused() {
        ProvisionedThroughputExceededException tooFast = ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .build();
        TransactionCanceledException throttledTransaction = TransactionCanceledException.builder()
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ThrottlingError").build())
                .build();
        DynamoDbException internal = (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build())
                .build();
        TransactionCanceledException conflict = TransactionCanceledException.builder()
                .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build())
                .build();

        assertThat(StorageErrors.translate(tooFast).code()).isEqualTo(ErrorCode.STORAGE_THROTTLED);
        assertThat(StorageErrors.translate(throttledTransaction).code()).isEqualTo(ErrorCode.STORAGE_THROTTLED);
        assertThat(StorageErrors.translate(internal).code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
        assertThat(StorageErrors.translate(conflict).code()).isEqualTo(ErrorCode.STORAGE_CONTENDED);
    }

    private static void assertCode(ThrowingCallable call, ErrorCode expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MessagingException.class,
                refused -> assertThat(refused.code()).isEqualTo(expected));
    }
}
