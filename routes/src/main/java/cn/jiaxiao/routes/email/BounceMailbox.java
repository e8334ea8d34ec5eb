package cn.jiaxiao.routes.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The mailbox that bounces to {@code bounces+{id}@domain} end up in, polled over IMAP or POP3.
 *
 * @param protocol imap, imaps, pop3 or pop3s
 */
public record BounceMailbox(String protocol, String host, int port, String username, String password,
        String folder, Duration pollInterval) {

    private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "pop3", "pop3s");

    public BounceMailbox {
        protocol = protocol == null ? "imaps" : protocol.toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("jiaxiao.email.bounces.protocol must be one of " + PROTOCOLS);
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
    }

    /**
     * The camel-mail consumer: unseen mails only, each marked seen once handled (IMAP; a failure leaves it
     * unseen for the next poll); POP3 has no flags, so there a handled mail is deleted.
     */
    public String uri() {
        boolean pop = protocol.startsWith("pop3");
        StringBuilder uri = new StringBuilder(protocol).append("://").append(host);
        if (port > 0) {
            uri.append(':').append(port);
        }
        uri.append("?username=").append(raw(username)).append("&password=").append(raw(password))
                .append("&folderName=").append(URLEncoder.encode(folder, StandardCharsets.UTF_8))
                .append("&delay=").append(pollInterval.toMillis())
                .append("&initialDelay=").append(Math.min(pollInterval.toMillis(), 5_000))
                .append("&unseen=true&peek=true&mapMailMessage=false&fetchSize=100")
                .append("&connectionTimeout=15000")
                .append("&delete=").append(pop);
        return uri.toString();
    }

    private static String raw(String value) {
        String text = value == null ? "" : value;
        return text.contains(")") ? "RAW{" + text + "}" : "RAW(" + text + ")";
    }

    /** The mailbox without its password: for logs. */
    @Override
    public String toString() {
        return protocol + "://" + EmailMask.mask(username) + "@" + host + ":" + port + "/" + folder;
    }
}
