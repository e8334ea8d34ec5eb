package cn.jiaxiao.smsc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * jsmpp's own factory listens on all interfaces; the simulator must listen on its configured host only
 * (127.0.0.1 by default), and must be able to tell which ephemeral port it got.
 */
final class BoundAddressConnectionFactory implements ServerConnectionFactory {
    private final String host;
    private volatile ServerSocket socket;

    BoundAddressConnectionFactory(String host) {
        this.host = host;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(host, port), backlog);
        ss.setSoTimeout(timeout);
        socket = ss;
        return new ServerSocketConnection(ss);
    }
}
