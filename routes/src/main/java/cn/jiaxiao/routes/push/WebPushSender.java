package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to a browser's push subscription: an RFC 8030 push request with the payload encrypted for the
 * subscription (RFC 8291) and VAPID authorisation (RFC 8292). The payload is JSON
 * {@code {"id","title","body","data"}} for the site's service worker.
 */
public class WebPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);
    /** RFC 8030 §5.4: a topic is at most 32 characters of the base64url alphabet. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final VapidAuth vapid;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final boolean allowPlainHttp;
    private final Clock clock;

    public WebPushSender(VapidAuth vapid, HttpClient http, Duration requestTimeout) {
        this(vapid, http, requestTimeout, false, Clock.systemUTC());
    }

    /**
     * @param allowPlainHttp accept {@code http:} endpoints; only for local test push services. Real push
     *        services are HTTPS, and a plain endpoint in a subscription is treated as an invalid target.
     */
    public WebPushSender(VapidAuth vapid, HttpClient http, Duration requestTimeout, boolean allowPlainHttp,
            Clock clock) {
        this.vapid = Objects.requireNonNull(vapid, "vapid");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.allowPlainHttp = allowPlainHttp;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PushResult send(PushTarget target, PushMessage message) {
        if (!(target instanceof PushTarget.WebPushSubscription subscription)) {
            throw new IllegalArgumentException("WebPushSender cannot send to " + target);
        }
        URI endpoint;
        byte[] uaPublic;
        byte[] authSecret;
        try {
            endpoint = URI.create(subscription.endpoint());
            uaPublic = Base64Url.decode(subscription.p256dh());
            authSecret = Base64Url.decode(subscription.auth());
            P256.publicKey(uaPublic);
        } catch (IllegalArgumentException e) {
            return invalid(subscription, "subscription endpoint or keys are malformed");
        }
        if (!usableEndpoint(endpoint)) {
            return invalid(subscription, "endpoint is not an https URL");
        }
        if (authSecret.length != 16) {
            return invalid(subscription, "auth secret is not 16 bytes");
        }
        byte[] plaintext = payload(message);
        if (plaintext.length > WebPushEncryption.MAX_PLAINTEXT) {
            return PushResult.failed("payload of " + plaintext.length + " bytes exceeds "
                    + WebPushEncryption.MAX_PLAINTEXT);
        }
        byte[] body = WebPushEncryption.encrypt(plaintext, uaPublic, authSecret);

        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("TTL", Long.toString(message.ttlSeconds()))
                .header("Urgency", message.urgent() ? "high" : "normal")
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", vapid.authorization(endpoint))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (message.collapseKey() != null) {
            request.header("Topic", topic(message.collapseKey()));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return classify(response, subscription, message);
        } catch (IOException e) {
            // Includes timeouts: the service may have taken it, so a retry can duplicate; the payload id lets
            // the service worker drop the repeat.
            return PushResult.retry(null, "push service unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.retry(null, "interrupted");
        }
    }

    /** The plaintext the service worker receives. */
    static byte[] payload(PushMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.id());
        json.put("title", message.title());
        json.put("body", message.body());
        json.put("data", message.data());
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }

    /** A collapse key that is no valid topic is hashed into one, so that equal keys still map to equal topics. */
    static String topic(String collapseKey) {
        if (TOPIC.matcher(collapseKey).matches()) {
            return collapseKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(collapseKey.getBytes(StandardCharsets.UTF_8));
            return Base64Url.encode(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean usableEndpoint(URI endpoint) {
        if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
            return false;
        }
        String scheme = endpoint.getScheme().toLowerCase();
        return scheme.equals("https") || (allowPlainHttp && scheme.equals("http"));
    }

    private PushResult classify(HttpResponse<String> response, PushTarget.WebPushSubscription subscription,
            PushMessage message) {
        int status = response.statusCode();
        if (status == 200 || status == 201 || status == 202) {
            String location = response.headers().firstValue("Location").orElse(null);
            log.debug("Web Push message {} accepted by {}", message.id(), Mask.endpoint(subscription.endpoint()));
            return PushResult.delivered(location);
        }
        if (status == 404 || status == 410) {
            return invalid(subscription, "push service answered " + status + ": subscription gone");
        }
        if (status == 429 || status >= 500) {
            return PushResult.retry(RetryAfter.parse(response.headers().firstValue("Retry-After"), clock),
                    "push service answered " + status);
        }
        String detail = "push service answered " + status + ": " + ResponseBodies.abbreviate(response.body());
        log.warn("Web Push message {} to {} rejected: {}", message.id(), Mask.endpoint(subscription.endpoint()),
                detail);
        return PushResult.failed(detail);
    }

    private static PushResult invalid(PushTarget.WebPushSubscription subscription, String detail) {
        log.info("Web Push subscription {} is invalid: {}", Mask.endpoint(subscription.endpoint()), detail);
        return PushResult.invalidTarget(detail);
    }
}
