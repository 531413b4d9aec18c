package io.cruddur.messaging.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Loopback ports for the engines tests start. */
public final class Ports {
    private Ports() {
    }

    /** A port nothing listens on at the moment of asking. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
