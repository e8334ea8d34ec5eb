package cn.jiaxiao.routes.push;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebPushSenderTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final VapidKeys vapidKeys = VapidKeys.generate();
    private WebPushTestServer pushService;
    private WebPushSender sender;
    private UserAgent browser;
    private PushTarget.WebPushSubscription subscription;

    @BeforeEach
    void start() throws Exception {
        pushService = new WebPushTestServer(vapidKeys.publicKeyBase64Url(), clock);
        VapidAuth vapid = new VapidAuth(vapidKeys, "mailto:ops@jiaxiao.cn", clock);
        sender = new WebPushSender(vapid, TestHttp.client(), Duration.ofSeconds(5), true, clock);
        browser = UserAgent.generate();
        subscription = pushService.subscribe("parent-1", browser);
    }

    @AfterEach
    void stop() {
        pushService.close();
    }

    private static PushMessage emergency() {
        return new PushMessage("msg-4711", "紧急通知", "今天下午学校提前放学，请家长15:00前接孩子。",
                Map.of("noticeId", "88", "kind", "emergency"), Duration.ofHours(1), true, "notice-88");
    }

    @Test
    void sendsAnEncryptedPayloadThatTheSubscribedBrowserDecrypts() {
        PushResult result = sender.send(subscription, emergency());

        assertThat(pushService.problems).isEmpty();
        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.DELIVERED);
        assertThat(result.providerMessageId()).isEqualTo(pushService.origin() + "/message/1");
        assertThat(pushService.received).hasSize(1);
        WebPushTestServer.Received request = pushService.received.get(0);
        assertThat(request.path()).isEqualTo("/push/parent-1");
        assertThat(request.headers().getFirst("TTL")).isEqualTo("3600");
        assertThat(request.headers().getFirst("Urgency")).isEqualTo("high");
        assertThat(request.headers().getFirst("Topic")).isEqualTo("notice-88");
        assertThat(request.headers().getFirst("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(Json.read(request.plaintext(), JsonNode.class)).isEqualTo(Json.read("""
                {"id":"msg-4711","title":"紧急通知","body":"今天下午学校提前放学，请家长15:00前接孩子。",
                 "data":{"kind":"emergency","noticeId":"88"}}""", JsonNode.class));
        assertThat(request.jwtClaims().path("sub").asText()).isEqualTo("mailto:ops@jiaxiao.cn");
        assertThat(request.jwtClaims().path("exp").asLong())
                .isEqualTo(clock.instant().plus(VapidAuth.DEFAULT_VALIDITY).getEpochSecond());
    }

    @Test
    void aNormalMessageWithoutCollapseKeyHasNormalUrgencyAndNoTopic() {
        PushResult result = sender.send(subscription, PushMessage.of("msg-1", "Homework", "Page 12"));

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.DELIVERED);
        WebPushTestServer.Received request = pushService.received.get(0);
        assertThat(request.headers().getFirst("Urgency")).isEqualTo("normal");
        assertThat(request.headers().getFirst("TTL")).isEqualTo("86400");
        assertThat(request.headers().containsKey("Topic")).isFalse();
    }

    @Test
    void theVapidTokenIsReusedForTheSameOriginAndRenewedLater() {
        sender.send(subscription, PushMessage.of("1", "a", "b"));
        sender.send(pushService.subscribe("parent-2", browser), PushMessage.of("2", "a", "b"));
        clock.advance(Duration.ofHours(7));
        sender.send(subscription, PushMessage.of("3", "a", "b"));

        assertThat(pushService.problems).isEmpty();
        assertThat(pushService.received).hasSize(3);
        String first = pushService.received.get(0).headers().getFirst("Authorization");
        assertThat(pushService.received.get(1).headers().getFirst("Authorization")).isEqualTo(first);
        assertThat(pushService.received.get(2).headers().getFirst("Authorization")).isNotEqualTo(first);
    }

    @Test
    void goneAndUnknownSubscriptionsAreInvalidTargets() {
        pushService.replyNext(TestHttp.Reply.of(410));
        PushResult gone = sender.send(subscription, emergency());
        pushService.replyNext(TestHttp.Reply.of(404));
        PushResult unknown = sender.send(subscription, emergency());

        assertThat(gone.outcome()).isEqualTo(PushResult.Outcome.INVALID_TARGET);
        assertThat(gone.pruneTarget()).isTrue();
        assertThat(gone.detail()).contains("410");
        assertThat(unknown.outcome()).isEqualTo(PushResult.Outcome.INVALID_TARGET);
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAfterTheRequestedWait() {
        pushService.replyNext(new TestHttp.Reply(429, null, Map.of("Retry-After", "120")));
        PushResult throttled = sender.send(subscription, emergency());
        pushService.replyNext(TestHttp.Reply.of(502));
        PushResult badGateway = sender.send(subscription, emergency());

        assertThat(throttled.outcome()).isEqualTo(PushResult.Outcome.RETRY);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(badGateway.outcome()).isEqualTo(PushResult.Outcome.RETRY);
        assertThat(badGateway.retryAfter()).isNull();
    }

    @Test
    void otherRefusalsFailWithoutPruning() {
        pushService.replyNext(TestHttp.Reply.of(413, "{\"reason\":\"payload too large\"}"));

        PushResult result = sender.send(subscription, emergency());

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(result.detail()).contains("413").contains("payload too large");
    }

    @Test
    void aSubscriptionWithUnusableKeysOrAPlainHttpEndpointIsInvalidWithoutARequest() {
        PushTarget.WebPushSubscription badKey = PushTarget.webPush(subscription.endpoint(), "AAAA", subscription.auth());
        PushTarget.WebPushSubscription shortAuth = PushTarget.webPush(subscription.endpoint(), subscription.p256dh(), "AAAA");
        WebPushSender strict = new WebPushSender(new VapidAuth(vapidKeys, "mailto:ops@jiaxiao.cn", clock),
                TestHttp.client(), Duration.ofSeconds(5));

        assertThat(sender.send(badKey, emergency()).outcome()).isEqualTo(PushResult.Outcome.INVALID_TARGET);
        assertThat(sender.send(shortAuth, emergency()).outcome()).isEqualTo(PushResult.Outcome.INVALID_TARGET);
        assertThat(strict.send(subscription, emergency()).outcome()).isEqualTo(PushResult.Outcome.INVALID_TARGET);
        assertThat(pushService.received).isEmpty();
        assertThat(pushService.problems).isEmpty();
    }

    @Test
    void aPayloadTooLargeForPushServicesFailsBeforeSending() {
        PushMessage huge = PushMessage.of("big", "t", "x".repeat(WebPushEncryption.MAX_PLAINTEXT));

        PushResult result = sender.send(subscription, huge);

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(pushService.received).isEmpty();
    }

    @Test
    void anUnreachablePushServiceIsRetried() {
        pushService.close();

        PushResult result = sender.send(subscription, emergency());

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.RETRY);
    }

    @Test
    void theTestPushServiceRefusesAForeignVapidKeyAndAPayloadForAnotherSecret() {
        WebPushSender foreign = new WebPushSender(new VapidAuth(VapidKeys.generate(), "mailto:ops@jiaxiao.cn", clock),
                TestHttp.client(), Duration.ofSeconds(5), true, clock);
        PushTarget.WebPushSubscription otherSecret = PushTarget.webPush(subscription.endpoint(), subscription.p256dh(),
                "AAAAAAAAAAAAAAAAAAAAAA");

        PushResult unauthorised = foreign.send(subscription, emergency());
        PushResult undecryptable = sender.send(otherSecret, emergency());

        assertThat(unauthorised.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(undecryptable.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(pushService.problems).hasSize(2);
        assertThat(pushService.problems.get(0)).contains("VAPID");
        assertThat(pushService.problems.get(1)).contains("does not decrypt");
        assertThat(pushService.received).isEmpty();
    }

    @Test
    void aCollapseKeyThatIsNoValidTopicIsHashedIntoOne() {
        String topic = WebPushSender.topic("notice 88 / class 3B");

        assertThat(topic).matches("[A-Za-z0-9_-]{32}");
        assertThat(WebPushSender.topic("notice 88 / class 3B")).isEqualTo(topic);
        assertThat(WebPushSender.topic("class-3b")).isEqualTo("class-3b");
    }
}
