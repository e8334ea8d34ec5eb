package cn.jiaxiao.routes.push;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One app notification, independent of the push service that carries it.
 *
 * @param id the gateway's message id. Neither FCM nor Web Push de-duplicates, and a retry after a timeout can
 *        deliver twice, so the id travels inside the payload for the app to drop repeats
 * @param data extra key/value pairs for the app; kept sorted so that the request bytes are reproducible
 * @param ttl how long the push service may hold the message for an offline device; zero means now or never
 * @param urgent emergencies: high priority on FCM, {@code Urgency: high} on Web Push, so that a dozing device wakes
 * @param collapseKey optional: a newer message with the same key replaces an undelivered older one
 */
public record PushMessage(String id, String title, String body, Map<String, String> data, Duration ttl,
        boolean urgent, String collapseKey) {

    /** The longest time FCM keeps a message; Web Push services cap lower on their own. */
    public static final Duration MAX_TTL = Duration.ofDays(28);
    public static final Duration DEFAULT_TTL = Duration.ofDays(1);

    public PushMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(ttl, "ttl");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A push message needs the gateway's message id");
        }
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be between 0 and " + MAX_TTL + ": " + ttl);
        }
        // APNs takes at most 64 bytes as a collapse id; the same limit keeps the key usable everywhere.
        if (collapseKey != null && (collapseKey.isBlank() || collapseKey.length() > 64)) {
            throw new IllegalArgumentException("collapseKey must be 1 to 64 characters");
        }
        data = Collections.unmodifiableMap(new TreeMap<>(data == null ? Map.of() : data));
    }

    /** A normal-priority message without data, kept by the push service for a day. */
    public static PushMessage of(String id, String title, String body) {
        return new PushMessage(id, title, body, Map.of(), DEFAULT_TTL, false, null);
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }
}
