package cn.jiaxiao.routes.push;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VAPID {@code Authorization} header (RFC 8292): {@code vapid t=<ES256 JWT>, k=<public key>} with the JWT's
 * audience the push service's origin. A JWT is reused for its origin until half its validity has passed, so
 * that a fan-out to thousands of browsers does not sign thousands of times, yet {@code exp} stays within
 * the 24 hours push services accept.
 */
public class VapidAuth {

    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(12);
    private static final Duration MAX_VALIDITY = Duration.ofHours(24);
    /** Origins of push services are few; a cap keeps odd subscription endpoints from growing the cache. */
    private static final int MAX_CACHED_ORIGINS = 64;

    private final VapidKeys keys;
    private final String subject;
    private final Clock clock;
    private final Duration validity;
    private final String publicKey;
    private final Map<String, Signed> byAudience = new ConcurrentHashMap<>();

    private record Signed(String header, Instant renewAt) {
    }

    public VapidAuth(VapidKeys keys, String subject, Clock clock) {
        this(keys, subject, clock, DEFAULT_VALIDITY);
    }

    /**
     * @param subject how the push service operator can reach us: a {@code mailto:} or {@code https:} URI
     * @param validity lifetime of each JWT, at most 24 hours
     */
    public VapidAuth(VapidKeys keys, String subject, Clock clock, Duration validity) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(subject, "subject");
        if (!subject.startsWith("mailto:") && !subject.startsWith("https://")) {
            throw new IllegalArgumentException("VAPID subject must be a mailto: or https: URI: " + subject);
        }
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("VAPID JWT validity must be within 24 hours: " + validity);
        }
        this.subject = subject;
        this.validity = validity;
        this.publicKey = keys.publicKeyBase64Url();
    }

    public String authorization(URI endpoint) {
        String audience = audience(endpoint);
        Instant now = clock.instant();
        Signed signed = byAudience.get(audience);
        if (signed == null || !now.isBefore(signed.renewAt())) {
            signed = sign(audience, now);
            if (byAudience.size() >= MAX_CACHED_ORIGINS) {
                byAudience.clear();
            }
            byAudience.put(audience, signed);
        }
        return signed.header();
    }

    /** The origin of the endpoint (RFC 6454): scheme, host and a non-default port. */
    static String audience(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase();
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase() + (defaultPort ? "" : ":" + port);
    }

    private Signed sign(String audience, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("exp", now.plus(validity).getEpochSecond());
        claims.put("sub", subject);
        String jwt = Jwts.es256(claims, keys.privateKey());
        return new Signed("vapid t=" + jwt + ", k=" + publicKey, now.plus(validity.dividedBy(2)));
    }
}
