package io.cruddur.messaging.adapters.dynamodb.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeBatchHandler;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** What a shard's batches become: handled, checkpointed once handled, failures tried again from where they failed. */
class MessageRecordProcessorTest {
    private final RecordingCheckpointer checkpointer = new RecordingCheckpointer();
    private final List<List<String>> handed = new ArrayList<>();

    @Test
    void a_handled_batch_is_checkpointed_at_its_last_record() {
        MessageRecordProcessor processor = new MessageRecordProcessor(batch -> {
            handed.add(sequences(batch));
            return new ChangeBatchHandler.BatchResult(2, Optional.empty());
        }, () -> false);

        processor.processRecords(input("100", "101", "102"));

        assertThat(handed).containsExactly(List.of("100", "101", "102"));
        assertThat(checkpointer.positions).containsExactly("102");
    }

    @Test
    void a_failed_batch_is_checkpointed_before_the_failure_and_tried_again_from_it() {
        MessageRecordProcessor processor = new MessageRecordProcessor(batch -> {
            handed.add(sequences(batch));
            return handed.size() < 3 ? new ChangeBatchHandler.BatchResult(0, Optional.of("102"))
                    : new ChangeBatchHandler.BatchResult(2, Optional.empty());
        }, () -> false);

        processor.processRecords(input("100", "101", "102", "103"));

        assertThat(handed).containsExactly(List.of("100", "101", "102", "103"), List.of("102", "103"),
                List.of("102", "103"));
        assertThat(checkpointer.positions).containsExactly("101", "103");
    }

    @Test
    void a_worker_that_stops_leaves_a_failing_batch_at_the_checkpoint_before_it() {
        AtomicBoolean stopping = new AtomicBoolean();
        MessageRecordProcessor processor = new MessageRecordProcessor(batch -> {
            handed.add(sequences(batch));
            stopping.set(true);
            return new ChangeBatchHandler.BatchResult(0, Optional.of("101"));
        }, stopping::get);

        processor.processRecords(input("100", "101", "102"));

        assertThat(handed).hasSize(1);
        assertThat(checkpointer.positions).containsExactly("100");
    }

    private DynamoDBStreamsProcessRecordsInput input(String... sequenceNumbers) {
        List<DynamoDBStreamsClientRecord> records = IntStream.range(0, sequenceNumbers.length)
                .mapToObj(i -> DynamoDBStreamsClientRecord.fromRecord(Record.builder()
                        .eventName(OperationType.INSERT)
                        .dynamodb(StreamRecord.builder().sequenceNumber(sequenceNumbers[i])
                                .newImage(Map.of("pk", AttributeValue.fromS("MSG#" + i))).build())
                        .build()))
                .toList();
        return DynamoDBStreamsProcessRecordsInput.builder().records(records).checkpointer(checkpointer).build();
    }

    private static List<String> sequences(List<ChangeRecord> batch) {
        return batch.stream().map(ChangeRecord::sequenceNumber).toList();
    }
}
