package cn.jiaxiao.app.demo;

import cn.jiaxiao.app.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: a stand-in push service inside the gateway, since a demo has no browser subscribed at Mozilla or
 * Google. The demo school's Web Push subscriptions point here ({@code http://127.0.0.1:<port>/demo/push/<id>});
 * it takes each push request as a push service would (201 with a Location), keeps the last 200 for
 * {@code GET /api/push/demo-inbox}, and decrypts nothing: the payload is encrypted for a browser key nobody
 * holds. So no device acknowledges, and demo push messages stay SUBMITTED (accepted by the push service).
 */
@RestController
@ConditionalOnProperty(prefix = "jiaxiao.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
class DemoPushInbox {

    private static final int KEEP = 200;

    record Received(long seq, String subscription, Instant receivedAt, int encryptedBytes, String ttl,
            String urgency, String contentEncoding) {
    }

    private final CurrentAccount current;
    private final Deque<Received> received = new ArrayDeque<>();
    private final AtomicLong seq = new AtomicLong();

    DemoPushInbox(CurrentAccount current) {
        this.current = current;
    }

    @PostMapping("/demo/push/{subscription}")
    ResponseEntity<Void> receive(@PathVariable String subscription, HttpServletRequest request) throws IOException {
        int bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(8192).length;
        }
        if (request.getHeader("Authorization") == null || !request.getHeader("Authorization").startsWith("vapid ")) {
            return ResponseEntity.status(401).build();
        }
        Received push = new Received(seq.incrementAndGet(), subscription, Instant.now(), bytes,
                request.getHeader("TTL"), request.getHeader("Urgency"), request.getHeader("Content-Encoding"));
        synchronized (received) {
            received.addFirst(push);
            while (received.size() > KEEP) {
                received.removeLast();
            }
        }
        return ResponseEntity.created(URI.create("/demo/push/messages/" + push.seq())).build();
    }

    /** What the demo push service received, newest first (staff only). */
    @GetMapping("/api/push/demo-inbox")
    List<Received> inbox() {
        current.get();
        synchronized (received) {
            return List.copyOf(received);
        }
    }
}
