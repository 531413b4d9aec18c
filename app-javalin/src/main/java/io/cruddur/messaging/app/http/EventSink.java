package io.cruddur.messaging.app.http;

/** Where one stream's frames are written. Writes block while the client reads slowly. */
interface EventSink {

    /** Writes one frame; false once the client has gone. */
    boolean write(Frame frame);

    /** Ends the stream at once, failing a write that is blocked on the client. */
    void abort();

    /** Runs {@code action} when the client is found gone. */
    void whenGone(Runnable action);
}
