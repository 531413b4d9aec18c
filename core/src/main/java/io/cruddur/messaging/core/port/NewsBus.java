package io.cruddur.messaging.core.port;

import java.util.function.Consumer;

/**
 * Carries {@link GroupNews} (new messages, changed members, read positions) to every host of a deployment, the publishing one included, so
 * that each host can tell its own connected members. Delivery is at most once per subscriber:
 * news published while a host is cut off from the bus does not reach it (clients reload what
 * they missed when they reconnect). {@link #publish} never waits for subscribers.
 */
public interface NewsBus {

    /**
     * Sends news to every subscribed host, without waiting for any of them.
     *
     * @param news the news to carry
     */
    void publish(GroupNews news);

    /**
     * Hands {@code subscriber} every piece of news published from now on, until the subscription is closed.
     *
     * @param subscriber told of each piece of news on a thread of the bus's choosing (perhaps the
     *                   publisher's), so it must be quick and never block
     * @return the subscription, to close when the news is no longer wanted
     */
    Subscription subscribe(Consumer<GroupNews> subscriber);

    /** An open subscription; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** {@return a bus that carries nothing, for a process that tells no clients} */
    static NewsBus none() {
        return new NewsBus() {
            @Override
            public void publish(GroupNews news) {
                // nobody listens
            }

            @Override
            public Subscription subscribe(Consumer<GroupNews> subscriber) {
                return () -> { };
            }
        };
    }
}
