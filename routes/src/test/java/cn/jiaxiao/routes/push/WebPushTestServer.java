package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A push service on 127.0.0.1 that checks what a real one checks: the VAPID JWT (ES256 with the configured
 * public key, audience its own origin, expiry within 24 hours) and the aes128gcm body, which it decrypts with
 * the subscribed user agent's private key and auth secret. Requests it refuses are listed in {@link #problems}.
 */
/** Public for the gateway's end-to-end tests (routes test-jar). */
public final class WebPushTestServer implements AutoCloseable {

    private static final Pattern VAPID = Pattern.compile("vapid t=([A-Za-z0-9_.-]+), k=([A-Za-z0-9_-]+)");

    /** One request as received, with the payload as the user agent decrypted it. */
    public record Received(String path, Headers headers, byte[] body, String plaintext, JsonNode jwtClaims) {
    }

    private final HttpServer server;
    private final String vapidPublicKey;
    private final Clock clock;
    private final Map<String, UserAgent> subscribers = new ConcurrentHashMap<>();
    private final Queue<TestHttp.Reply> replies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();

    public WebPushTestServer(String vapidPublicKey, Clock clock) throws IOException {
        this.vapidPublicKey = vapidPublicKey;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a browser and returns its subscription, as {@code pushManager.subscribe()} would. */
    public PushTarget.WebPushSubscription subscribe(String id, UserAgent agent) {
        subscribers.put("/push/" + id, agent);
        return agent.subscription(origin() + "/push/" + id);
    }

    /** The next request, if accepted, gets this reply instead of 201 Created. */
    public void replyNext(TestHttp.Reply reply) {
        replies.add(reply);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            Headers headers = exchange.getRequestHeaders();
            if (!"POST".equals(exchange.getRequestMethod())) {
                refuse(exchange, 405, "method " + exchange.getRequestMethod());
                return;
            }
            JsonNode claims;
            try {
                claims = verifyVapid(headers.getFirst("Authorization"));
            } catch (GeneralSecurityException | RuntimeException e) {
                refuse(exchange, 401, "VAPID: " + e.getMessage());
                return;
            }
            UserAgent agent = subscribers.get(path);
            if (agent == null) {
                refuse(exchange, 404, "no subscription at " + path);
                return;
            }
            if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
                refuse(exchange, 415, "Content-Encoding " + headers.getFirst("Content-Encoding"));
                return;
            }
            String plaintext;
            try {
                plaintext = new String(agent.decrypt(body), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | RuntimeException e) {
                refuse(exchange, 400, "payload does not decrypt: " + e);
                return;
            }
            received.add(new Received(path, headers, body, plaintext, claims));
            TestHttp.Reply reply = replies.poll();
            if (reply == null) {
                reply = new TestHttp.Reply(201, null, Map.of("Location", origin() + "/message/" + accepted.incrementAndGet()));
            }
            TestHttp.reply(exchange, reply.status(), reply.body(), reply.headers());
        }
    }

    private JsonNode verifyVapid(String authorization) throws GeneralSecurityException {
        Matcher vapid = VAPID.matcher(authorization == null ? "" : authorization);
        if (!vapid.matches()) {
            throw new GeneralSecurityException("Authorization is not 'vapid t=..., k=...': " + authorization);
        }
        if (!vapid.group(2).equals(vapidPublicKey)) {
            throw new GeneralSecurityException("k is not the application server key");
        }
        String[] jwt = vapid.group(1).split("\\.");
        if (jwt.length != 3) {
            throw new GeneralSecurityException("JWT has " + jwt.length + " parts");
        }
        JsonNode header = Json.read(new String(UserAgent.unb64(jwt[0]), StandardCharsets.UTF_8), JsonNode.class);
        if (!"ES256".equals(header.path("alg").asText())) {
            throw new GeneralSecurityException("alg " + header.path("alg"));
        }
        byte[] signature = UserAgent.unb64(jwt[2]);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(UserAgent.publicKeyFromPoint(UserAgent.unb64(vapid.group(2))));
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (signature.length != 64 || !verifier.verify(signature)) {
            throw new GeneralSecurityException("ES256 signature does not verify");
        }
        JsonNode claims = Json.read(new String(UserAgent.unb64(jwt[1]), StandardCharsets.UTF_8), JsonNode.class);
        if (!origin().equals(claims.path("aud").asText())) {
            throw new GeneralSecurityException("aud " + claims.path("aud") + " is not " + origin());
        }
        long now = clock.instant().getEpochSecond();
        long exp = claims.path("exp").asLong();
        if (exp <= now || exp > now + Duration.ofHours(24).toSeconds()) {
            throw new GeneralSecurityException("exp " + exp + " is not within 24 hours of " + now);
        }
        if (!claims.path("sub").asText().startsWith("mailto:")) {
            throw new GeneralSecurityException("sub " + claims.path("sub"));
        }
        return claims;
    }

    private void refuse(HttpExchange exchange, int status, String problem) throws IOException {
        problems.add(problem);
        TestHttp.reply(exchange, status, "{\"reason\":\"refused by the test push service\"}", Map.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
