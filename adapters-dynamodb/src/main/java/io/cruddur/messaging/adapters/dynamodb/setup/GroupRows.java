package io.cruddur.messaging.adapters.dynamodb.setup;

import io.cruddur.messaging.core.port.NewMessageFeed;
import java.time.Duration;
import java.util.Objects;

/**
 * Who keeps every member's group row at its group's latest message (pattern E) by reading the
 * table's stream: a choice {@link DynamoDbMessaging} requires, since without one nothing moves
 * the rows.
 */
public sealed interface GroupRows {

    /**
     * This process reads the stream itself ({@code DynamoDbStreamPoller}, checkpoints in
     * {@code {table}-checkpoints}): for one process per table. A second process reading it too
     * moves the same rows again (harmless, as rows only move forward) at twice the cost, and
     * DynamoDB Streams serves at most two readers per shard, so a third is throttled. Two such
     * processes also share the checkpoint rows: one that restarts resumes from where either saved
     * last, and may pass over records the other handled.
     *
     * @return the choice, waiting at most 1 s between reads that find nothing
     */
    static GroupRows readByThisProcess() {
        return new ThisProcess(Duration.ofSeconds(1));
    }

    /**
     * A stream-processing engine reads it, this process being one of its workers: for a fleet,
     * {@code KclStreamWorker} (module {@code adapters-dynamodb-kcl}), whose workers of one
     * application share the shards by leases, one worker per shard whatever the fleet's size. It is
     * started with the facade and stopped when the facade closes.
     *
     * @param engine the engine's feed of new messages, such as a {@code KclStreamWorker}
     * @return the choice
     */
    static GroupRows readBy(NewMessageFeed engine) {
        return new Engine(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * {@return the choice for a deployed Lambda (the SAM template's function) reading the stream}
     * This process reads no stream and creates no checkpoint table.
     */
    static GroupRows keptByTheLambda() {
        return KeptByTheLambda.CHOSEN;
    }

    /**
     * Read by this process, waiting up to {@code maxIdleWait} between empty reads.
     *
     * @param maxIdleWait the longest pause between passes over the stream that find nothing
     */
    record ThisProcess(Duration maxIdleWait) implements GroupRows {
        /**
         * Checks the wait.
         *
         * @param maxIdleWait the longest pause between empty passes
         * @throws IllegalArgumentException when {@code maxIdleWait} is zero or negative
         */
        public ThisProcess {
            if (maxIdleWait.isNegative() || maxIdleWait.isZero()) {
                throw new IllegalArgumentException("the wait between empty reads must be positive");
            }
        }
    }

    /**
     * Read by an engine this process takes part in.
     *
     * @param feed the engine, started and stopped with the facade
     */
    record Engine(NewMessageFeed feed) implements GroupRows {
    }

    /** Kept by the Lambda. */
    enum KeptByTheLambda implements GroupRows {
        /** The one value of this choice. */
        CHOSEN
    }
}
