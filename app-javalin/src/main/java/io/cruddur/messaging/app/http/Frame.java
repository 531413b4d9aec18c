package io.cruddur.messaging.app.http;

/** One unit of a server-sent event stream, queued for the stream's writer. */
sealed interface Frame {

    /** A comment line ({@code : text}), which clients ignore: the greeting and the heartbeat. */
    record Comment(String text) implements Frame {
    }

    /**
     * A named event with its data and id; {@code last} ends the stream once it is written.
     */
    record Event(String name, String data, String id, boolean last) implements Frame {
    }
}
