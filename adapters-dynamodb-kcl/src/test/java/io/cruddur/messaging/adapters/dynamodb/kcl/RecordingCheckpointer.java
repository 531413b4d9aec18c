package io.cruddur.messaging.adapters.dynamodb.kcl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.processor.Checkpointer;
import software.amazon.kinesis.processor.PreparedCheckpointer;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/** Remembers the positions a processor checkpoints; only checkpointing by sequence number is expected. */
final class RecordingCheckpointer implements RecordProcessorCheckpointer {
    final List<String> positions = new CopyOnWriteArrayList<>();

    @Override
    public void checkpoint(String sequenceNumber) {
        positions.add(sequenceNumber);
    }

    @Override
    public void checkpoint() {
        positions.add("end");
    }

    @Override
    public void checkpoint(Record record) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void checkpoint(String sequenceNumber, long subSequenceNumber) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(byte[] applicationState) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(Record record) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(Record record, byte[] applicationState) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, byte[] applicationState) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, long subSequenceNumber) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PreparedCheckpointer prepareCheckpoint(String sequenceNumber, long subSequenceNumber,
            byte[] applicationState) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Checkpointer checkpointer() {
        throw new UnsupportedOperationException();
    }
}
