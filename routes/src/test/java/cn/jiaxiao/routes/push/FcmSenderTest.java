package cn.jiaxiao.routes.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FcmSenderTest {

    private static final String PROJECT = "jiaxiao-test";
    private static final String CLIENT_EMAIL = "gateway@jiaxiao-test.iam.gserviceaccount.com";
    private static final String KEY_ID = "5f1c0e4a2b9d8c7e6f5a4b3c2d1e0f9a8b7c6d5e";
    private static final String DEVICE_TOKEN = "fK3w9x_Q0aE:APA91bH-parent-phone-registration-token-0001";
    private static KeyPair accountKeys;

    private final MutableClock clock = MutableClock.startingNow();
    private final HttpClient http = TestHttp.client();
    private FcmTestServer fcm;
    private ServiceAccount account;
    private FcmSender sender;

    @BeforeAll
    static void serviceAccountKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        accountKeys = generator.generateKeyPair();
    }

    @BeforeEach
    void start() throws Exception {
        fcm = new FcmTestServer(PROJECT, CLIENT_EMAIL, KEY_ID, accountKeys.getPublic(), clock);
        account = ServiceAccount.parse(keyFile(fcm.tokenUri().toString()));
        sender = sender(account);
    }

    @AfterEach
    void stop() {
        fcm.close();
    }

    private FcmSender sender(ServiceAccount serviceAccount) {
        return new FcmSender(fcm.baseUrl(), serviceAccount.projectId(),
                new GoogleAccessTokens(serviceAccount, http, clock, Duration.ofSeconds(5)), http, clock,
                Duration.ofSeconds(5));
    }

    /** A key file as the Firebase console downloads it. */
    private static String keyFile(String tokenUri) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(accountKeys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        key.put("project_id", PROJECT);
        key.put("private_key_id", KEY_ID);
        key.put("private_key", pem);
        key.put("client_email", CLIENT_EMAIL);
        key.put("client_id", "104857600000000000000");
        key.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        key.put("token_uri", tokenUri);
        return Json.write(key);
    }

    private static PushMessage emergency() {
        return new PushMessage("msg-4711", "紧急通知", "今天下午学校提前放学。", Map.of("noticeId", "88"),
                Duration.ofHours(1), true, "notice-88");
    }

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }

    @Test
    void sendsTheDocumentedV1RequestWithABearerToken() {
        PushResult result = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());

        assertThat(fcm.problems).isEmpty();
        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.DELIVERED);
        assertThat(result.providerMessageId()).isEqualTo("projects/jiaxiao-test/messages/1");
        FcmTestServer.Send send = fcm.sends.get(0);
        assertThat(send.method()).isEqualTo("POST");
        assertThat(send.path()).isEqualTo("/v1/projects/jiaxiao-test/messages:send");
        assertThat(send.authorization()).isEqualTo("Bearer ya29.test-1");
        assertThat(send.contentType()).startsWith("application/json");
        long expiration = clock.instant().getEpochSecond() + 3600;
        assertThat(send.body()).isEqualTo(json("""
                {"message":{
                  "token":"fK3w9x_Q0aE:APA91bH-parent-phone-registration-token-0001",
                  "notification":{"title":"紧急通知","body":"今天下午学校提前放学。"},
                  "data":{"noticeId":"88","gateway_message_id":"msg-4711"},
                  "android":{"priority":"HIGH","ttl":"3600s","collapse_key":"notice-88"},
                  "apns":{"headers":{"apns-priority":"10","apns-expiration":"%d","apns-collapse-id":"notice-88"}}
                }}""".formatted(expiration)));
        JsonNode claims = fcm.assertionClaims.get(0);
        assertThat(claims.path("iss").asText()).isEqualTo(CLIENT_EMAIL);
        assertThat(claims.path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void aNormalMessageHasNormalPriorityAndNoCollapseKey() {
        sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of("msg-1", "Homework", "Page 12"));

        JsonNode message = fcm.sends.get(0).body().path("message");
        assertThat(message.path("android")).isEqualTo(json("{\"priority\":\"NORMAL\",\"ttl\":\"86400s\"}"));
        assertThat(message.path("apns").path("headers").path("apns-priority").asText()).isEqualTo("5");
        assertThat(message.path("apns").path("headers").has("apns-collapse-id")).isFalse();
        assertThat(message.path("data")).isEqualTo(json("{\"gateway_message_id\":\"msg-1\"}"));
    }

    @Test
    void oneAccessTokenServesManySendsAlsoConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PushResult>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String id = "msg-" + i;
                results.add(pool.submit(() -> sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of(id, "t", "b"))));
            }
            for (Future<PushResult> result : results) {
                assertThat(result.get().outcome()).isEqualTo(PushResult.Outcome.DELIVERED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(fcm.problems).isEmpty();
        assertThat(fcm.sends).hasSize(24);
        assertThat(fcm.tokensIssued()).isEqualTo(1);
    }

    @Test
    void theTokenIsRefreshedShortlyBeforeItExpires() {
        sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of("1", "t", "b"));
        clock.advance(Duration.ofMinutes(54));
        sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of("2", "t", "b"));
        clock.advance(Duration.ofMinutes(2));
        sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of("3", "t", "b"));

        assertThat(fcm.problems).isEmpty();
        assertThat(fcm.tokensIssued()).isEqualTo(2);
        assertThat(fcm.sends).extracting(FcmTestServer.Send::authorization)
                .containsExactly("Bearer ya29.test-1", "Bearer ya29.test-1", "Bearer ya29.test-2");
    }

    @Test
    void aRefusedTokenIsReplacedOnceAndTheSendRepeated() {
        sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of("1", "t", "b"));
        fcm.revokeTokens();

        PushResult result = sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of("2", "t", "b"));

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.DELIVERED);
        assertThat(fcm.tokensIssued()).isEqualTo(2);
        assertThat(fcm.sends).extracting(FcmTestServer.Send::authorization)
                .containsExactly("Bearer ya29.test-1", "Bearer ya29.test-1", "Bearer ya29.test-2");
    }

    @Test
    void aSecondRefusalIsAFailureNotALoop() {
        fcm.refuseAllBearers();

        PushResult result = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(result.detail()).contains("401");
        assertThat(fcm.sends).hasSize(2);
        assertThat(fcm.tokensIssued()).isEqualTo(2);
    }

    @Test
    void anUnregisteredTokenIsAnInvalidTarget() {
        fcm.replyNext(TestHttp.Reply.of(404, """
                {"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND",
                 "details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}"""));

        PushResult result = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.INVALID_TARGET);
        assertThat(result.pruneTarget()).isTrue();
        assertThat(result.detail()).contains("UNREGISTERED").doesNotContain(DEVICE_TOKEN);
    }

    @Test
    void aMalformedTokenIsInvalidButABadPayloadIsNot() {
        fcm.replyNext(TestHttp.Reply.of(400, """
                {"error":{"code":400,"message":"The registration token is not a valid FCM registration token",
                 "status":"INVALID_ARGUMENT",
                 "details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"}]}}"""));
        fcm.replyNext(TestHttp.Reply.of(400, """
                {"error":{"code":400,"message":"Invalid value at 'message.android.ttl'","status":"INVALID_ARGUMENT",
                 "details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"INVALID_ARGUMENT"}]}}"""));

        PushResult badToken = sender.send(PushTarget.fcm("not-a-token"), emergency());
        PushResult badPayload = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());

        assertThat(badToken.outcome()).isEqualTo(PushResult.Outcome.INVALID_TARGET);
        assertThat(badPayload.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(badPayload.detail()).contains("message.android.ttl");
    }

    @Test
    void unavailableAndQuotaExceededAreRetriedHonouringRetryAfter() {
        fcm.replyNext(new TestHttp.Reply(503, """
                {"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}""",
                Map.of("Retry-After", "30")));
        fcm.replyNext(new TestHttp.Reply(429, """
                {"error":{"code":429,"status":"RESOURCE_EXHAUSTED",
                 "details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"QUOTA_EXCEEDED"}]}}""",
                Map.of()));
        fcm.replyNext(TestHttp.Reply.of(500, "<html>oops</html>"));

        PushResult unavailable = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());
        PushResult quota = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());
        PushResult internal = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());

        assertThat(unavailable.outcome()).isEqualTo(PushResult.Outcome.RETRY);
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(quota.outcome()).isEqualTo(PushResult.Outcome.RETRY);
        assertThat(quota.detail()).contains("QUOTA_EXCEEDED");
        assertThat(internal.outcome()).isEqualTo(PushResult.Outcome.RETRY);
    }

    @Test
    void anAssertionSignedWithTheWrongKeyGetsNoTokenAndSendsNothing() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        ServiceAccount wrongKey = new ServiceAccount(PROJECT, KEY_ID, generator.generateKeyPair().getPrivate(),
                CLIENT_EMAIL, fcm.tokenUri());

        PushResult result = sender(wrongKey).send(PushTarget.fcm(DEVICE_TOKEN), emergency());

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(result.detail()).contains("invalid_grant");
        assertThat(fcm.problems).singleElement().asString().contains("signature");
        assertThat(fcm.sends).isEmpty();
    }

    @Test
    void anUnreachableFcmIsRetried() {
        sender.send(PushTarget.fcm(DEVICE_TOKEN), PushMessage.of("1", "t", "b"));
        fcm.close();

        PushResult result = sender.send(PushTarget.fcm(DEVICE_TOKEN), emergency());

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.RETRY);
    }

    @Test
    void theServiceAccountKeyFileIsParsedAndNeverPrintsTheKey() {
        assertThat(account.projectId()).isEqualTo(PROJECT);
        assertThat(account.clientEmail()).isEqualTo(CLIENT_EMAIL);
        assertThat(account.privateKeyId()).isEqualTo(KEY_ID);
        assertThat(account.privateKey().getEncoded()).isEqualTo(accountKeys.getPrivate().getEncoded());
        assertThat(account.tokenUri()).isEqualTo(fcm.tokenUri());
        assertThat(account.toString()).doesNotContain(KEY_ID).doesNotContain("PRIVATE KEY");

        assertThatThrownBy(() -> ServiceAccount.parse("{\"type\":\"authorized_user\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceAccount.parse(keyFile("https://oauth2.googleapis.com/token")
                .replace("MII", "XXX"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("XXX");
    }
}
