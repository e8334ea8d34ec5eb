package cn.jiaxiao.routes.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth2 access tokens for a service account (RFC 7523 JWT bearer grant), cached until shortly before they
 * expire. Thread-safe: while one thread refreshes, the others wait for its token instead of asking too.
 */
public class GoogleAccessTokens {

    public static final String FCM_SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
    /** Refresh this long before expiry, so that a token is not used while it lapses in flight. */
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(GoogleAccessTokens.class);

    private final ServiceAccount account;
    private final String scope;
    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private final AtomicReference<AccessToken> current = new AtomicReference<>();

    private record AccessToken(String value, Instant refreshAt) {
    }

    public GoogleAccessTokens(ServiceAccount account, HttpClient http, Clock clock, Duration requestTimeout) {
        this(account, FCM_SCOPE, http, clock, requestTimeout);
    }

    public GoogleAccessTokens(ServiceAccount account, String scope, HttpClient http, Clock clock,
            Duration requestTimeout) {
        this.account = Objects.requireNonNull(account, "account");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** A token valid for a few minutes at least: the cached one, or a new one. */
    public String token() throws AccessTokenException {
        AccessToken token = current.get();
        if (fresh(token)) {
            return token.value();
        }
        refreshLock.lock();
        try {
            token = current.get();
            if (fresh(token)) {
                return token.value();
            }
            token = fetch();
            current.set(token);
            return token.value();
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * Drops a token the API refused (401). Only that token: when several senders report the same one, the
     * first drop triggers one refresh and the rest find the new token already cached.
     */
    public void invalidate(String refused) {
        AccessToken token = current.get();
        if (token != null && token.value().equals(refused)) {
            current.compareAndSet(token, null);
        }
    }

    private boolean fresh(AccessToken token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    private AccessToken fetch() throws AccessTokenException {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", account.clientEmail());
        claims.put("scope", scope);
        claims.put("aud", account.tokenUri().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond());
        String assertion = Jwts.rs256(account.privateKeyId(), claims, account.privateKey());
        String form = "grant_type=" + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(account.tokenUri())
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AccessTokenException("token endpoint unreachable: " + e.getClass().getSimpleName(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessTokenException("interrupted while fetching an access token", true);
        }
        int status = response.statusCode();
        if (status != 200) {
            // 4xx (invalid_grant: revoked key, wrong clock) needs a person; 429/5xx passes.
            String error = errorOf(response.body());
            log.warn("Access token request for {} refused: {} {}", account.clientEmail(), status, error);
            throw new AccessTokenException("token endpoint answered " + status + " " + error,
                    status == 429 || status >= 500);
        }
        JsonNode body = ResponseBodies.json(response.body());
        String value = body.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new AccessTokenException("token endpoint answered without access_token", true);
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        Duration lifetime = Duration.ofSeconds(expiresIn);
        // Short-lived tokens (as in tests or odd proxies) are kept for half their life instead of the margin.
        Duration keep = lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0
                ? lifetime.minus(REFRESH_MARGIN) : lifetime.dividedBy(2);
        log.debug("New access token for {}, expires in {} s", account.clientEmail(), expiresIn);
        return new AccessToken(value, now.plus(keep));
    }

    private static String errorOf(String body) {
        JsonNode json = ResponseBodies.json(body);
        String error = json.path("error").asText("");
        String description = json.path("error_description").asText("");
        return ResponseBodies.abbreviate(description.isEmpty() ? error : error + ": " + description);
    }
}
