package io.cruddur.messaging.core.usecase;

/** A listener's hearing of news through {@link Messaging#subscribeToNews}, until it is closed. */
public interface NewsSubscription extends AutoCloseable {
    /** Stops the listener hearing news; closing twice is harmless. */
    @Override
    void close();
}
