package io.cruddur.messaging.app.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on loopback in front of a host, standing for the network between a browser and it:
 * {@link #cut()} drops every connection through it and refuses new ones, as a lost network does,
 * until {@link #mend()}. Neither end is told; each finds its connection gone.
 */
final class CuttableRelay implements AutoCloseable {
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "relay-pump");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cut;

    CuttableRelay(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pumps.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection under way and refuses new ones. */
    void cut() {
        cut = true;
        open.forEach(CuttableRelay::closeQuietly);
        open.clear();
    }

    /** Lets connections through again. */
    void mend() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
        pumps.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket host = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(host);
                pumps.execute(() -> pump(client, host));
                pumps.execute(() -> pump(host, client));
            } catch (IOException e) {
                // the listener closed, or the host refused one connection: the browser sees it fail
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: the finally below closes the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
