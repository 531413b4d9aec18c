package io.cruddur.messaging.app.http;

import io.javalin.http.sse.SseClient;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Javalin server-sent event stream as an {@link EventSink}; keeps the request open until aborted. */
final class SseSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(SseSink.class);

    private final SseClient client;

    SseSink(SseClient client) {
        this.client = client;
        client.keepAlive();
    }

    @Override
    public void whenGone(Runnable action) {
        client.onClose(action);
    }

    @Override
    public boolean write(Frame frame) {
        if (frame instanceof Frame.Event event) {
            client.sendEvent(event.name(), event.data(), event.id());
        } else if (frame instanceof Frame.Comment comment) {
            client.sendComment(comment.text());
        }
        return !client.terminated();
    }

    /**
     * Ends the response, then lets the connection time out at once: a writer blocked on a client
     * that does not read fails now instead of at the connector's idle timeout. (Closing the
     * connection outright would recycle the request under Javalin's feet.)
     */
    @Override
    public void abort() {
        client.close();
        try {
            ServletContextRequest.getServletContextRequest(client.ctx().req()).getConnectionMetaData().getConnection()
                    .getEndPoint().setIdleTimeout(1);
        } catch (RuntimeException alreadyGone) {
            LOG.debug("the connection of an event stream was already gone: {}", alreadyGone.toString());
        }
    }
}
