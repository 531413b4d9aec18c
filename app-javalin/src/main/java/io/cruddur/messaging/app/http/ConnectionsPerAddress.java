package io.cruddur.messaging.app.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a new connection at once when its client address already holds as many as it may. Jetty
 * limits connections only in total ({@code NetworkConnectionLimit}); this keeps one address from
 * taking that total for itself.
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int limit;
    private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /**
     * The connections counted in {@link #open}, with their address (a closed socket no longer has
     * one); a refused connection is not counted, whether or not Jetty reports its close.
     */
    private final ConcurrentMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int limit) {
        this.limit = limit;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection);
        if (address == null) {
            return;
        }
        if (open.merge(address, 1, Integer::sum) > limit) {
            release(address);
            LOG.debug("{} holds {} connections already; closing a new one", address, limit);
            connection.getEndPoint().close();
        } else {
            counted.put(connection, address);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            release(address);
        }
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (closed, count) -> count == 1 ? null : count - 1);
    }

    private static InetAddress address(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
