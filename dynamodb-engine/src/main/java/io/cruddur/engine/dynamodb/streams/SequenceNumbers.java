package io.cruddur.engine.dynamodb.streams;

import java.math.BigInteger;

/** Sequence numbers of an engine's streams: decimal, 21 digits and more, increasing. */
public final class SequenceNumbers {
    private BigInteger next;

    public SequenceNumbers(BigInteger first) {
        this.next = first;
    }

    /** Starts at a 21-digit number. */
    public static SequenceNumbers startingFresh() {
        return new SequenceNumbers(new BigInteger("100000000000000000000"));
    }

    /** Hands out the next number. */
    public synchronized BigInteger next() {
        BigInteger current = next;
        next = next.add(BigInteger.ONE);
        return current;
    }

    /** Makes sure the next number handed out is past {@code used}, after records are restored. */
    public synchronized void skipPast(BigInteger used) {
        if (used.compareTo(next) >= 0) {
            next = used.add(BigInteger.ONE);
        }
    }

    /** The number the next record will get. */
    public synchronized BigInteger peek() {
        return next;
    }
}
