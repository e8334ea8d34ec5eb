package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Google's token endpoint and the FCM v1 send endpoint on 127.0.0.1. The token endpoint verifies the JWT
 * assertion's RS256 signature with the service account's public key and its claims; the send endpoint takes
 * only tokens it issued and not revoked. Anything refused is listed in {@link #problems}.
 */
final class FcmTestServer implements AutoCloseable {

    /** One send request as received. */
    record Send(String method, String path, String authorization, String contentType, JsonNode body) {
    }

    private final HttpServer server;
    private final String projectId;
    private final String clientEmail;
    private final String keyId;
    private final PublicKey accountKey;
    private final Clock clock;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Queue<TestHttp.Reply> sendReplies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile long expiresIn = 3599;
    private volatile boolean refuseAllBearers;
    final List<Send> sends = new CopyOnWriteArrayList<>();
    final List<JsonNode> assertionClaims = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();

    FcmTestServer(String projectId, String clientEmail, String keyId, PublicKey accountKey, Clock clock)
            throws IOException {
        this.projectId = projectId;
        this.clientEmail = clientEmail;
        this.keyId = keyId;
        this.accountKey = accountKey;
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/v1/", this::send);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI tokenUri() {
        return URI.create(baseUrl() + "/token");
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    /** Tokens issued so far stop working, as after a key rotation. */
    void revokeTokens() {
        validTokens.clear();
    }

    void refuseAllBearers() {
        refuseAllBearers = true;
    }

    /** The next authorised send gets this reply instead of 200 with a message name. */
    void replyNext(TestHttp.Reply reply) {
        sendReplies.add(reply);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = read(exchange);
            if (!"POST".equals(exchange.getRequestMethod())
                    || !"application/x-www-form-urlencoded".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                refuse(exchange, 400, "token request is no form POST");
                return;
            }
            Map<String, String> fields = new HashMap<>();
            for (String pair : form.split("&")) {
                String[] nameValue = pair.split("=", 2);
                fields.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                        nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
            if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))) {
                refuse(exchange, 400, "grant_type " + fields.get("grant_type"));
                return;
            }
            try {
                assertionClaims.add(verifyAssertion(fields.getOrDefault("assertion", "")));
            } catch (GeneralSecurityException | RuntimeException e) {
                problems.add("assertion: " + e.getMessage());
                TestHttp.reply(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}",
                        Map.of());
                return;
            }
            String token = "ya29.test-" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            TestHttp.reply(exchange, 200, Json.write(Map.of("access_token", token, "expires_in", expiresIn,
                    "token_type", "Bearer")), Map.of());
        }
    }

    private JsonNode verifyAssertion(String assertion) throws GeneralSecurityException {
        String[] jwt = assertion.split("\\.");
        if (jwt.length != 3) {
            throw new GeneralSecurityException("JWT has " + jwt.length + " parts");
        }
        JsonNode header = Json.read(new String(UserAgent.unb64(jwt[0]), StandardCharsets.UTF_8), JsonNode.class);
        if (!"RS256".equals(header.path("alg").asText()) || !keyId.equals(header.path("kid").asText())) {
            throw new GeneralSecurityException("header " + header);
        }
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(accountKey);
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(UserAgent.unb64(jwt[2]))) {
            throw new GeneralSecurityException("RS256 signature does not verify");
        }
        JsonNode claims = Json.read(new String(UserAgent.unb64(jwt[1]), StandardCharsets.UTF_8), JsonNode.class);
        long now = clock.instant().getEpochSecond();
        long iat = claims.path("iat").asLong();
        if (!clientEmail.equals(claims.path("iss").asText())
                || !"https://www.googleapis.com/auth/firebase.messaging".equals(claims.path("scope").asText())
                || !tokenUri().toString().equals(claims.path("aud").asText())
                || Math.abs(iat - now) > 60
                || claims.path("exp").asLong() != iat + 3600) {
            throw new GeneralSecurityException("claims " + claims);
        }
        return claims;
    }

    private void send(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = read(exchange);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String path = exchange.getRequestURI().getRawPath();
            JsonNode json = body.isEmpty() ? null : Json.read(body, JsonNode.class);
            sends.add(new Send(exchange.getRequestMethod(), path, authorization,
                    exchange.getRequestHeaders().getFirst("Content-Type"), json));
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/v1/projects/" + projectId + "/messages:send")) {
                refuse(exchange, 404, exchange.getRequestMethod() + " " + path);
                return;
            }
            String bearer = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
            if (refuseAllBearers || !validTokens.contains(bearer)) {
                TestHttp.reply(exchange, 401, """
                        {"error":{"code":401,"message":"Request had invalid authentication credentials.",
                        "status":"UNAUTHENTICATED"}}""", Map.of());
                return;
            }
            TestHttp.Reply reply = sendReplies.poll();
            if (reply == null) {
                reply = TestHttp.Reply.of(200, Json.write(Map.of("name",
                        "projects/" + projectId + "/messages/" + accepted.incrementAndGet())));
            }
            TestHttp.reply(exchange, reply.status(), reply.body(), reply.headers());
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void refuse(HttpExchange exchange, int status, String problem) throws IOException {
        problems.add(problem);
        TestHttp.reply(exchange, status, "{\"error\":{\"code\":" + status + ",\"message\":\"refused by the test server\"}}",
                Map.of());
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
