package io.cruddur.messaging.core.port;

/**
 * Where newly stored messages come from, so that every member's group row can follow them: a
 * table's change stream read by a local poller or a stream-processing engine, a serverless
 * function's invocations, or the in-memory store's own notifications. Each deployment provides
 * one; {@link #none()} when another process (such as a deployed Lambda) keeps the rows current.
 *
 * <p>A feed over a stream delivers at least once: a batch whose handling failed is delivered
 * again, from the message the {@link BatchOutcome} names (the in-memory store's feed, which hands
 * each message over on the writer's thread, has nobody to deliver it again and logs the failure).
 * Within a group, messages arrive in the order they were stored.
 */
public interface NewMessageFeed extends AutoCloseable {

    /**
     * Starts handing batches of new messages to {@code handler}; a feed already started ignores it.
     *
     * @param handler what brings the group rows up to date
     */
    void start(NewMessageHandler handler);

    /** Stops after the batch in hand; it may be started again. */
    @Override
    void close();

    /** {@return a feed that delivers nothing, for when the rows are kept current elsewhere} */
    static NewMessageFeed none() {
        return new NewMessageFeed() {
            @Override
            public void start(NewMessageHandler handler) {
                // nothing arrives here
            }

            @Override
            public void close() {
                // nothing was started
            }
        };
    }
}
