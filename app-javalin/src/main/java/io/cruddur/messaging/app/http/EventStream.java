package io.cruddur.messaging.app.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open event stream: a small bounded queue drained by the stream's own writer thread, so a
 * client that reads slowly delays nobody but itself. Whoever has news only queues it, never
 * waits; a stream whose queue is full has fallen behind and is dropped (its page reconnects and
 * reloads).
 */
final class EventStream {
    /**
     * Frames a stream may fall behind by before it is dropped: a batch of new messages reaches a
     * user's streams all at once, and a healthy client drains this many in well under a
     * millisecond, so only a client that stopped reading fills it.
     */
    static final int QUEUE_CAPACITY = 256;
    /** Writers only format and copy small frames; a small stack keeps thousands of them cheap. */
    private static final long WRITER_STACK_BYTES = 256 * 1024;

    private final EventSink sink;
    private final BlockingQueue<Frame> pending = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<EventStream> onEnd;
    private final Thread writer;

    /** {@code onEnd} runs once, whichever way the stream ends (the client left, fell behind, or was closed). */
    EventStream(EventSink sink, Consumer<EventStream> onEnd) {
        this.sink = sink;
        this.onEnd = onEnd;
        this.writer = new Thread(null, this::drain, "live-events-writer", WRITER_STACK_BYTES);
        writer.setDaemon(true);
        sink.whenGone(this::end);
    }

    void start() {
        writer.start();
    }

    /** Queues a frame without waiting; false when the stream has ended or has just been dropped for falling behind. */
    boolean offer(Frame frame) {
        if (ended.get()) {
            return false;
        }
        if (!pending.offer(frame)) {
            end();
            return false;
        }
        return true;
    }

    /** Ends the stream now: frames still queued are not written. */
    void end() {
        if (ended.compareAndSet(false, true)) {
            sink.abort();
            writer.interrupt();
            onEnd.accept(this);
        }
    }

    boolean ended() {
        return ended.get();
    }

    private void drain() {
        try {
            while (!ended.get()) {
                Frame frame = pending.take();
                if (!sink.write(frame) || frame instanceof Frame.Event event && event.last()) {
                    break;
                }
            }
        } catch (InterruptedException endedMeanwhile) {
            Thread.currentThread().interrupt();
        }
        end();
    }
}
