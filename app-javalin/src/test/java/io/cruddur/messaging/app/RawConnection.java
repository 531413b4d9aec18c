package io.cruddur.messaging.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * One TCP connection to a host, written byte by byte as a hostile client would: from a chosen
 * loopback address (127.0.0.0/8 all reach this machine), with bodies that never finish.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;

    private RawConnection(Socket socket) {
        this.socket = socket;
    }

    static RawConnection open(String fromAddress, int port) {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            return new RawConnection(socket);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** One whole request on a connection of its own, and the host's whole answer. */
    static String exchange(String fromAddress, int port, String request) {
        try (RawConnection connection = open(fromAddress, port)) {
            return connection.write(request).readAnswer(Duration.ofSeconds(5));
        }
    }

    /** A request with a body, closing the connection after the answer. */
    static String request(String method, String path, String token, String body, String... headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + String.join("", Arrays.stream(headers).map(header -> header + "\r\n").toList())
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** The head of a request whose body is {@code declaredLength} bytes long. */
    static String head(String method, String path, String token, int declaredLength) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + declaredLength + "\r\n\r\n";
    }

    RawConnection write(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Writes, or says the host has closed the connection. */
    boolean tryWrite(String text) {
        try {
            write(text);
            return true;
        } catch (UncheckedIOException closed) {
            return false;
        }
    }

    /** Ends the request body early: the host reads end of stream where more was declared. */
    RawConnection endOutput() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * What the host sends until it closes the connection or stops sending for {@code quiet}; null
     * when it sent nothing at all in that time.
     */
    String readAnswer(Duration quiet) {
        try {
            socket.setSoTimeout((int) quiet.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException silent) {
                if (answer.size() == 0) {
                    return null;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Whether the host closed this connection (end of stream within {@code wait}). */
    boolean closedByHost(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the host may have closed it already
        }
    }
}
