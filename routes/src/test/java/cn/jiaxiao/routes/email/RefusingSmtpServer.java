package cn.jiaxiao.routes.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that answers RCPT TO for {@code nobody@...} with 550 and for {@code later@...} with 451, and
 * accepts everything else: what GreenMail can't be made to do.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    final AtomicInteger accepted = new AtomicInteger();

    RefusingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                session(client);
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    private void session(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 refusing.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 refusing.test");
            } else if (command.startsWith("RCPT TO:<NOBODY@")) {
                reply(out, "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown");
            } else if (command.startsWith("RCPT TO:<LATER@")) {
                reply(out, "451 4.7.1 Greylisted, try again later");
            } else if (command.startsWith("DATA")) {
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message
                }
                accepted.incrementAndGet();
                reply(out, "250 2.0.0 queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok"); // MAIL FROM, RCPT TO, RSET, NOOP
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
