package io.cruddur.messaging.app.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a request to the application only once its whole body is in. Jetty reads the body without
 * a thread, so a client trickling its body holds a connection, not one of the threads every other
 * request needs; a body not complete within the deadline is answered 408, one over the size 413,
 * one that ends before its declared length 400.
 */
final class WholeBodies extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(WholeBodies.class);

    private final int maxBytes;
    private final Duration deadline;

    WholeBodies(int maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        if (declared == 0 || declared < 0 && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return super.handle(request, response, callback);
        }
        if (declared > maxBytes) {
            refuseOversized(request, response, callback);
            return true;
        }
        AtomicBoolean settled = new AtomicBoolean();
        Scheduler.Task timeout = request.getComponents().getScheduler().schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                LOG.debug("a body was not complete within {}", deadline);
                ServerRefusals.answer(response, callback, 408, ApiErrors.BODY_TOO_SLOW);
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        // Blocking: the application runs on the thread that completes the read.
        Content.Source.asByteArrayAsync(request, maxBytes, Promise.Invocable.from(Invocable.InvocationType.BLOCKING,
                (byte[] body, Throwable failure) -> {
                    if (!settled.compareAndSet(false, true)) {
                        return;
                    }
                    timeout.cancel();
                    if (failure == null) {
                        forward(new ReadRequest(request, body), response, callback);
                    } else if (failure instanceof IllegalStateException) {
                        // Jetty's accumulator refuses a chunked body that outgrows the size
                        ServerRefusals.answer(response, callback, 413, ApiErrors.BODY_TOO_LARGE);
                    } else {
                        LOG.debug("a body ended before its end: {}", failure.toString());
                        ServerRefusals.answer(response, callback, 400, ApiErrors.BODY_MALFORMED);
                    }
                }));
        return true;
    }

    /**
     * Answers 413 first, then reads the rest of the body away within the deadline: closing while it
     * still arrives would reset the connection before the client reads the answer.
     */
    private void refuseOversized(Request request, Response response, Callback callback) {
        AtomicBoolean settled = new AtomicBoolean();
        Callback once = Callback.from(() -> {
            if (settled.compareAndSet(false, true)) {
                callback.succeeded();
            }
        }, failure -> {
            if (settled.compareAndSet(false, true)) {
                callback.failed(failure);
            }
        });
        Scheduler.Task cutOff = request.getComponents().getScheduler().schedule(
                () -> once.failed(new TimeoutException("an oversized body kept coming")), deadline.toMillis(),
                TimeUnit.MILLISECONDS);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        ServerRefusals.answer(response, Callback.from(() -> Content.Source.consumeAll(request, Callback.from(() -> {
            cutOff.cancel();
            once.succeeded();
        }, once::failed)), once::failed), 413, ApiErrors.BODY_TOO_LARGE);
    }

    private void forward(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Exception | Error failure) {
            Response.writeError(request, response, callback, failure);
        }
    }

    /** The request as the application reads it: the whole body at once, then its end. */
    private static final class ReadRequest extends Request.Wrapper {
        private final AtomicReference<Content.Chunk> body;

        ReadRequest(Request request, byte[] body) {
            super(request);
            this.body = new AtomicReference<>(Content.Chunk.from(ByteBuffer.wrap(body), true));
        }

        @Override
        public Content.Chunk read() {
            return body.getAndSet(Content.Chunk.EOF);
        }
    }
}
