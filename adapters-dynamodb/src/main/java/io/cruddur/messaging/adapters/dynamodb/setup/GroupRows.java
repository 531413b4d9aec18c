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
     * DynamoDB Streams serves at most two readers per shard, so a third is throttled.
     */
    static GroupRows readByThisProcess() {
        return new ThisProcess(Duration.ofSeconds(1));
    }

    /**
     * A stream-processing engine reads it, this process being one of its workers: for a fleet,
     * {@code KclStreamWorker} (module {@code adapters-dynamodb-kcl}), whose workers of one
     * application share the shards by leases, one worker per shard whatever the fleet's size. It is
     * started with the facade and stopped when the facade closes.
     */
    static GroupRows readBy(NewMessageFeed engine) {
        return new Engine(Objects.requireNonNull(engine, "engine"));
    }

    /** The deployed Lambda reads it (the SAM template's function); this process reads no stream. */
    static GroupRows keptByTheLambda() {
        return KeptByTheLambda.CHOSEN;
    }

    /** Read by this process, waiting up to {@code maxIdleWait} between empty reads. */
    record ThisProcess(Duration maxIdleWait) implements GroupRows {
        public ThisProcess {
            if (maxIdleWait.isNegative() || maxIdleWait.isZero()) {
                throw new IllegalArgumentException("the wait between empty reads must be positive");
            }
        }
    }

    /** Read by an engine this process takes part in. */
    record Engine(NewMessageFeed feed) implements GroupRows {
    }

    /** Kept by the Lambda. */
    enum KeptByTheLambda implements GroupRows {
        CHOSEN
    }
}
