package io.cruddur.engine.dynamodb.operations;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Switches that make the engine behave as real DynamoDB can and DynamoDB Local never does. Every
 * switch is off by default and may be changed while the engine runs, from any thread.
 */
public final class Faults {
    private volatile Duration indexLag = Duration.ZERO;
    private volatile Duration streamDelay = Duration.ZERO;
    private volatile double throttlingRate;
    private volatile double transactionConflictRate;

    /** Reads of global secondary indexes see writes only this long after they were made. */
    public Faults indexLag(Duration lag) {
        this.indexLag = requireNonNegative(lag);
        return this;
    }

    public Duration indexLag() {
        return indexLag;
    }

    /** Stream records become readable only this long after their change. */
    public Faults streamDelay(Duration delay) {
        this.streamDelay = requireNonNegative(delay);
        return this;
    }

    public Duration streamDelay() {
        return streamDelay;
    }

    /**
     * This share of data-plane requests (0 to 1) is refused as real DynamoDB refuses them under
     * load: {@code ProvisionedThroughputExceededException} on tables in provisioned mode,
     * {@code ThrottlingException} otherwise.
     */
    public Faults throttlingRate(double rate) {
        this.throttlingRate = requireRate(rate);
        return this;
    }

    public double throttlingRate() {
        return throttlingRate;
    }

    /**
     * This share of transactions (0 to 1) is cancelled with {@code TransactionConflict} reasons, as
     * when another transaction holds one of their items. Transactions that really overlap conflict
     * whatever this says.
     */
    public Faults transactionConflictRate(double rate) {
        this.transactionConflictRate = requireRate(rate);
        return this;
    }

    public double transactionConflictRate() {
        return transactionConflictRate;
    }

    /** Turns every switch off. */
    public Faults reset() {
        indexLag = Duration.ZERO;
        streamDelay = Duration.ZERO;
        throttlingRate = 0;
        transactionConflictRate = 0;
        return this;
    }

    boolean throttleNow() {
        return hit(throttlingRate);
    }

    boolean conflictNow() {
        return hit(transactionConflictRate);
    }

    private static boolean hit(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private static Duration requireNonNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + duration);
        }
        return duration;
    }

    private static double requireRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("a rate lies between 0 and 1: " + rate);
        }
        return rate;
    }
}
