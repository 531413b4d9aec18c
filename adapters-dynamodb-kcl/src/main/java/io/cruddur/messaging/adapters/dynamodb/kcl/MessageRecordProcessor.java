package io.cruddur.messaging.adapters.dynamodb.kcl;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeBatchHandler;
import io.cruddur.messaging.adapters.dynamodb.stream.ChangeRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.exceptions.KinesisClientLibException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * One shard's records, as the KCL hands them to the worker that holds the shard's lease: each
 * batch goes to the {@link ChangeBatchHandler} and is checkpointed once handled. The KCL never
 * delivers a batch again by itself, so a batch that fails for a passing reason is checkpointed
 * up to the record before the failure and the rest is tried again here, with back-off, until it
 * succeeds, the worker stops or the lease is lost (the next holder resumes from the checkpoint).
 */
final class MessageRecordProcessor implements DynamoDBStreamsShardRecordProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRecordProcessor.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final ChangeBatchHandler handler;
    private final BooleanSupplier stopping;
    private String shardId;

    MessageRecordProcessor(ChangeBatchHandler handler, BooleanSupplier stopping) {
        this.handler = handler;
        this.stopping = stopping;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        LOG.info("reading shard {} from {}", shardId, input.extendedSequenceNumber());
    }

    @Override
    public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
        List<ChangeRecord> pending = input.records().stream().map(MessageRecordProcessor::change).toList();
        Duration wait = FIRST_RETRY;
        while (!pending.isEmpty()) {
            ChangeBatchHandler.BatchResult result = handler.handle(pending);
            if (result.failedAt().isEmpty()) {
                checkpoint(input.checkpointer(), pending.get(pending.size() - 1).sequenceNumber());
                return;
            }
            int failed = result.failedPosition(pending);
            if (failed > 0 && !checkpoint(input.checkpointer(), pending.get(failed - 1).sequenceNumber())) {
                return;
            }
            pending = pending.subList(failed, pending.size());
            if (stopping.getAsBoolean() || !pause(wait)) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        LOG.info("lease of shard {} lost; another worker goes on from its checkpoint", shardId);
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        // the KCL moves on to the shard's children only once the parent is checkpointed at its end
        try {
            input.checkpointer().checkpoint();
        } catch (KinesisClientLibException failed) {
            LOG.warn("checkpointing the end of shard {} failed: {}", shardId, failed.toString());
        }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        // every handled batch is checkpointed already; a later checkpoint would skip unhandled records
        LOG.info("stopping reading shard {}", shardId);
    }

    /** Records the position; false when the lease is gone and this processor must stop. */
    private boolean checkpoint(RecordProcessorCheckpointer checkpointer, String sequenceNumber) {
        try {
            checkpointer.checkpoint(sequenceNumber);
            return true;
        } catch (ShutdownException leaseGone) {
            return false;
        } catch (KinesisClientLibException failed) {
            // the position will be saved by the next batch's checkpoint; records up to it may come again
            LOG.warn("checkpointing shard {} at {} failed: {}", shardId, sequenceNumber, failed.toString());
            return true;
        }
    }

    private static ChangeRecord change(DynamoDBStreamsClientRecord client) {
        Record record = client.getRecord();
        return new ChangeRecord(record.eventNameAsString(), client.sequenceNumber(),
                Optional.ofNullable(record.dynamodb().newImage()).orElse(Map.of()));
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
