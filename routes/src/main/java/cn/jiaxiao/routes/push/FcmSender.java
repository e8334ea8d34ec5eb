package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through the Firebase Cloud Messaging HTTP v1 API: one {@code messages:send} request per token,
 * authorised with the service account's OAuth2 access token. The gateway's message id is added to the data
 * as {@value #MESSAGE_ID_KEY} so the app can drop the duplicate a retry may cause.
 */
public class FcmSender implements PushSender {

    public static final URI DEFAULT_BASE_URL = URI.create("https://fcm.googleapis.com");
    public static final String MESSAGE_ID_KEY = "gateway_message_id";
    private static final String FCM_ERROR_TYPE = "type.googleapis.com/google.firebase.fcm.v1.FcmError";

    private static final Logger log = LoggerFactory.getLogger(FcmSender.class);

    private final URI sendUri;
    private final GoogleAccessTokens tokens;
    private final HttpClient http;
    private final Clock clock;
    private final Duration requestTimeout;

    /**
     * @param baseUrl {@link #DEFAULT_BASE_URL} in production
     * @param projectId the Firebase project, normally the service account's
     */
    public FcmSender(URI baseUrl, String projectId, GoogleAccessTokens tokens, HttpClient http, Clock clock,
            Duration requestTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(projectId, "projectId");
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.sendUri = URI.create(base + "/v1/projects/" + URLEncoder.encode(projectId, StandardCharsets.UTF_8)
                + "/messages:send");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Production wiring: Google's endpoints, the account's project, 10 s timeouts. */
    public static FcmSender forServiceAccount(ServiceAccount account, HttpClient http) {
        Clock clock = Clock.systemUTC();
        Duration timeout = Duration.ofSeconds(10);
        return new FcmSender(DEFAULT_BASE_URL, account.projectId(),
                new GoogleAccessTokens(account, http, clock, timeout), http, clock, timeout);
    }

    @Override
    public PushResult send(PushTarget target, PushMessage message) {
        if (!(target instanceof PushTarget.FcmToken token)) {
            throw new IllegalArgumentException("FcmSender cannot send to " + target);
        }
        String body = Json.write(Map.of("message", message(token.token(), message)));
        try {
            String accessToken = tokens.token();
            HttpResponse<String> response = post(accessToken, body);
            if (response.statusCode() == 401) {
                // Revoked or expired early: one new token, one more attempt; a second 401 is configuration.
                tokens.invalidate(accessToken);
                response = post(tokens.token(), body);
            }
            return classify(response, token, message);
        } catch (AccessTokenException e) {
            if (e.temporary()) {
                return PushResult.retry(null, "no access token: " + e.getMessage());
            }
            log.warn("FCM message {} not sent, no access token: {}", message.id(), e.getMessage());
            return PushResult.failed("no access token: " + e.getMessage());
        } catch (IOException e) {
            return PushResult.retry(null, "FCM unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushResult.retry(null, "interrupted");
        }
    }

    /** The {@code message} object of the request; package-private for tests. */
    Map<String, Object> message(String registrationToken, PushMessage message) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("title", message.title());
        notification.put("body", message.body());

        Map<String, String> data = new LinkedHashMap<>(message.data());
        data.put(MESSAGE_ID_KEY, message.id());

        Map<String, Object> android = new LinkedHashMap<>();
        android.put("priority", message.urgent() ? "HIGH" : "NORMAL");
        android.put("ttl", message.ttlSeconds() + "s");
        if (message.collapseKey() != null) {
            android.put("collapse_key", message.collapseKey());
        }

        // The Android ttl and priority do not reach iOS; APNs takes them as headers. Expiration 0 = now or never.
        Map<String, String> apnsHeaders = new LinkedHashMap<>();
        apnsHeaders.put("apns-priority", message.urgent() ? "10" : "5");
        apnsHeaders.put("apns-expiration", message.ttl().isZero() ? "0"
                : Long.toString(clock.instant().plus(message.ttl()).getEpochSecond()));
        if (message.collapseKey() != null) {
            apnsHeaders.put("apns-collapse-id", message.collapseKey());
        }

        Map<String, Object> fcm = new LinkedHashMap<>();
        fcm.put("token", registrationToken);
        fcm.put("notification", notification);
        fcm.put("data", data);
        fcm.put("android", android);
        fcm.put("apns", Map.of("headers", apnsHeaders));
        return fcm;
    }

    private HttpResponse<String> post(String accessToken, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(sendUri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private PushResult classify(HttpResponse<String> response, PushTarget.FcmToken token, PushMessage message) {
        int status = response.statusCode();
        JsonNode json = ResponseBodies.json(response.body());
        if (status == 200) {
            String name = json.path("name").asText(null);
            log.debug("FCM message {} accepted as {}", message.id(), name);
            return PushResult.delivered(name);
        }
        JsonNode error = json.path("error");
        String errorCode = fcmErrorCode(error);
        String errorStatus = error.path("status").asText("");
        String errorMessage = ResponseBodies.abbreviate(error.path("message").asText(""));
        String detail = "FCM answered " + status + " " + (errorCode.isEmpty() ? errorStatus : errorCode)
                + (errorMessage.isEmpty() ? "" : ": " + errorMessage);

        if (invalidToken(status, errorCode, errorStatus, errorMessage)) {
            log.info("FCM token {} is invalid: {}", token, detail);
            return PushResult.invalidTarget(detail);
        }
        if (status == 429 || status >= 500) {
            return PushResult.retry(RetryAfter.parse(response.headers().firstValue("Retry-After"), clock), detail);
        }
        log.warn("FCM message {} to {} rejected: {}", message.id(), token, detail);
        return PushResult.failed(detail);
    }

    /**
     * UNREGISTERED (404) is the app uninstalled or the token expired. INVALID_ARGUMENT (400) also covers a bad
     * payload, so only when FCM says it is the registration token. A 404 without UNREGISTERED (a wrong project)
     * and SENDER_ID_MISMATCH are configuration: pruning on them would wipe every token.
     */
    private static boolean invalidToken(int status, String errorCode, String errorStatus, String errorMessage) {
        if (errorCode.equals("UNREGISTERED")) {
            return true;
        }
        boolean invalidArgument = errorCode.equals("INVALID_ARGUMENT") || errorStatus.equals("INVALID_ARGUMENT");
        return status == 400 && invalidArgument
                && errorMessage.toLowerCase(Locale.ROOT).contains("registration token");
    }

    private static String fcmErrorCode(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (FCM_ERROR_TYPE.equals(detail.path("@type").asText()) && detail.has("errorCode")) {
                return detail.path("errorCode").asText();
            }
        }
        return "";
    }
}
