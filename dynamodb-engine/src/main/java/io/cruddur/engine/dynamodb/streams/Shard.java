package io.cruddur.engine.dynamodb.streams;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A shard of a stream: records in sequence order, open until it is rolled over to its child. */
public final class Shard {
    private final String id;
    private final String parentId;
    private final long createdAtMillis;
    private final BigInteger startingSequenceNumber;
    private final List<StreamRecord> records = new ArrayList<>();
    private BigInteger endingSequenceNumber;
    private BigInteger trimmedThrough;

    public Shard(String id, String parentId, long createdAtMillis, BigInteger startingSequenceNumber) {
        this.id = id;
        this.parentId = parentId;
        this.createdAtMillis = createdAtMillis;
        this.startingSequenceNumber = startingSequenceNumber;
    }

    public String id() {
        return id;
    }

    /** The shard this one follows, or {@code null}. */
    public String parentId() {
        return parentId;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public BigInteger startingSequenceNumber() {
        return startingSequenceNumber;
    }

    /** The last sequence number of a closed shard; {@code null} while it is open. */
    public BigInteger endingSequenceNumber() {
        return endingSequenceNumber;
    }

    public boolean open() {
        return endingSequenceNumber == null;
    }

    /** The records still retained, oldest first. */
    public List<StreamRecord> records() {
        return records;
    }

    /** Adds a record at the end (also when a shard is restored from disk). */
    public void append(StreamRecord record) {
        records.add(record);
    }

    /** Closes the shard at this sequence number (also when a shard is restored from disk). */
    public void close(BigInteger endingSequenceNumber) {
        this.endingSequenceNumber = endingSequenceNumber;
    }

    /** The last sequence number dropped by retention, or {@code null} while none was. */
    public BigInteger trimmedThrough() {
        return trimmedThrough;
    }

    /** Drops records created before {@code cutoffMillis}; returns whether any remain or the shard is open. */
    boolean trim(long cutoffMillis) {
        while (!records.isEmpty() && records.get(0).createdAtMillis() < cutoffMillis) {
            trimmedThrough = records.remove(0).sequenceNumber();
        }
        return open() || !records.isEmpty() || createdAtMillis >= cutoffMillis;
    }
}
