package cn.jiaxiao.routes.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push sender against a real PostgreSQL and the local Web Push and FCM test servers, which decrypt and
 * verify what a real service would.
 */
class PushChannelSenderTest {

    private static final String PROJECT = "jiaxiao-test";
    private static final String CLIENT_EMAIL = "gateway@jiaxiao-test.iam.gserviceaccount.com";
    private static final String KEY_ID = "0a1b2c3d4e5f";

    private static TestSchool school;
    private static OutboundMessageRepository outbox;
    private static ChannelMessageRepository messages;
    private static PushSubscriptionRepository subscriptions;
    private static PushAcknowledgements acks;
    private static KeyPair accountKeys;
    private static ExecutorService pool;
    private static long guardian71;
    private static long drafter;

    private final MutableClock clock = MutableClock.startingNow();
    private final VapidKeys vapidKeys = VapidKeys.generate();
    private WebPushTestServer pushService;
    private FcmTestServer fcm;
    private PushChannelSender sender;
    private int subscriberSeq;

    @BeforeAll
    static void database() throws Exception {
        school = new TestSchool();
        outbox = new OutboundMessageRepository(school.jdbc, school.cipher, Duration.ofMinutes(2));
        messages = new ChannelMessageRepository(school.jdbc, school.cipher, Duration.ofMinutes(2), outbox);
        subscriptions = new PushSubscriptionRepository(school.jdbc, school.cipher);
        acks = new PushAcknowledgements(school.jdbc, messages, subscriptions);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        accountKeys = generator.generateKeyPair();
        pool = Executors.newFixedThreadPool(4);
        guardian71 = school.jdbc.queryForObject("""
                select min(gs.guardian_id) from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-1'""", Map.of(), Long.class);
        drafter = school.jdbc.queryForObject("select id from staff_account where username = 'teacher71'", Map.of(),
                Long.class);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @BeforeEach
    void start() throws Exception {
        pushService = new WebPushTestServer(vapidKeys.publicKeyBase64Url(), clock);
        fcm = new FcmTestServer(PROJECT, CLIENT_EMAIL, KEY_ID, accountKeys.getPublic(), clock);
        HttpClient http = TestHttp.client();
        ServiceAccount account = new ServiceAccount(PROJECT, KEY_ID, accountKeys.getPrivate(), CLIENT_EMAIL,
                fcm.tokenUri());
        FcmSender fcmSender = new FcmSender(fcm.baseUrl(), PROJECT,
                new GoogleAccessTokens(account, http, clock, Duration.ofSeconds(5)), http, clock, Duration.ofSeconds(5));
        WebPushSender webPush = new WebPushSender(new VapidAuth(vapidKeys, "mailto:ops@jiaxiao.cn", clock), http,
                Duration.ofSeconds(5), true, clock);
        sender = new PushChannelSender(messages, subscriptions, new PushDispatcher(fcmSender, webPush), pool);
    }

    @AfterEach
    void stop() {
        pushService.close();
        fcm.close();
    }

    private PushTarget.WebPushSubscription browser() throws Exception {
        return pushService.subscribe("browser-" + (++subscriberSeq) + "-" + System.nanoTime(), UserAgent.generate());
    }

    private long notice(String kind) {
        return school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('推送测试', '正文', :kind, '{}'::jsonb, 'PUSH', 'SENDING', :drafter, :hash)
                returning id""", Map.of("kind", kind, "drafter", drafter, "hash", "cd".repeat(32)), Long.class);
    }

    /** A PUSH row as the fan-out creates it. */
    private long queue(long noticeId, long subscriptionId, String title, String body, String payloadJson) {
        return outbox.insertAll(List.of(new NewMessage(noticeId, "PUSH", guardian71, null,
                String.valueOf(subscriptionId), "push#" + subscriptionId, body, 0,
                new NewMessage.ChannelContent(title, null, payloadJson, subscriptionId), null, null))).get(0).id();
    }

    private Map<String, Object> row(long id) {
        return school.jdbc.queryForMap("select state, provider_id, error, claimed_at from outbound_message where id = :id",
                Map.of("id", id));
    }

    @Test
    void aWebPushAcceptedByThePushServiceIsSubmittedWithItsIdAndTheBrowserDecryptsWhatWasQueued() throws Exception {
        long subscription = subscriptions.register(guardian71, browser(), "张三家长的浏览器");
        long notice = notice("GENERAL");
        long id = queue(notice, subscription, "家长会通知", "本周五下午三点召开家长会。",
                "{\"noticeId\":" + notice + ",\"kind\":\"GENERAL\",\"url\":\"https://school.example/n/1\"}");

        sender.sendBatch(String.valueOf(id));

        assertThat(pushService.problems).isEmpty();
        assertThat(row(id)).containsEntry("state", "SUBMITTED").containsEntry("provider_id",
                pushService.origin() + "/message/1");
        assertThat(pushService.received).hasSize(1);
        assertThat(Json.read(pushService.received.get(0).plaintext(), JsonNode.class)).isEqualTo(Json.read("""
                {"id":"%d","title":"家长会通知","body":"本周五下午三点召开家长会。",
                 "data":{"kind":"GENERAL","noticeId":"%d","url":"https://school.example/n/1"}}"""
                .formatted(id, notice), JsonNode.class));
        assertThat(pushService.received.get(0).headers().getFirst("Urgency")).isEqualTo("normal");
        assertThat(pushService.received.get(0).headers().getFirst("TTL")).isEqualTo("86400");
        assertThat(subscriptions.find(subscription).orElseThrow().lastSuccessAt()).isNotNull();
    }

    @Test
    void anFcmMessageOfAnEmergencyIsSentWithHighPriorityAndTheGatewayMessageId() throws Exception {
        String token = "fK3w9x_Q0aE:APA91bH-parent-phone-" + System.nanoTime();
        long subscription = subscriptions.register(guardian71, PushTarget.fcm(token), "张三家长的手机");
        long id = queue(notice("EMERGENCY"), subscription, "紧急通知", "今天下午提前放学。", "{\"kind\":\"EMERGENCY\"}");

        sender.send(List.of(id));

        assertThat(fcm.problems).isEmpty();
        assertThat(row(id)).containsEntry("state", "SUBMITTED")
                .containsEntry("provider_id", "projects/" + PROJECT + "/messages/1");
        JsonNode sent = fcm.sends.get(0).body().path("message");
        assertThat(sent.path("token").asText()).isEqualTo(token);
        assertThat(sent.path("notification").path("title").asText()).isEqualTo("紧急通知");
        assertThat(sent.path("data").path(FcmSender.MESSAGE_ID_KEY).asText()).isEqualTo(String.valueOf(id));
        assertThat(sent.path("data").path("kind").asText()).isEqualTo("EMERGENCY");
        assertThat(sent.path("android").path("priority").asText()).isEqualTo("HIGH");
    }

    @Test
    void aGoneSubscriptionIsPrunedAndItsMessageFailsAndLaterMessagesToItAreNotSent() throws Exception {
        long subscription = subscriptions.register(guardian71, browser(), null);
        long notice = notice("GENERAL");
        long first = queue(notice, subscription, "t", "b", null);
        long second = queue(notice, subscription, "t", "b", null);
        pushService.replyNext(TestHttp.Reply.of(410));

        sender.send(List.of(first));
        sender.send(List.of(second));

        assertThat(row(first).get("state")).isEqualTo("FAILED");
        assertThat((String) row(first).get("error")).startsWith("invalid push target:").contains("410");
        PushSubscriptionRepository.Subscription pruned = subscriptions.find(subscription).orElseThrow();
        assertThat(pruned.active()).isFalse();
        assertThat(pruned.pruneReason()).contains("410");
        assertThat(subscriptions.activeFor(List.of(guardian71)).getOrDefault(guardian71, List.of()))
                .extracting(PushSubscriptionRepository.SubscriptionRef::id).doesNotContain(subscription);
        assertThat(row(second)).containsEntry("state", "FAILED").containsEntry("error", "subscription removed");
        assertThat(pushService.received).hasSize(1);
    }

    @Test
    void aRemovedSubscriptionFailsItsQueuedMessageWithoutARequest() throws Exception {
        long subscription = subscriptions.register(guardian71, browser(), null);
        long id = queue(notice("GENERAL"), subscription, "t", "b", null);
        assertThat(subscriptions.delete(subscription)).isTrue();

        sender.send(List.of(id));

        assertThat(row(id)).containsEntry("state", "FAILED").containsEntry("error", "subscription removed");
        assertThat(pushService.received).isEmpty();
    }

    @Test
    void anUnavailablePushServiceHandsTheBatchBackAndTheRedeliverySendsOnlyWhatIsLeft() throws Exception {
        long notice = notice("GENERAL");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(queue(notice, subscriptions.register(guardian71, browser(), null), "t", "消息" + i, null));
        }
        pushService.replyNext(TestHttp.Reply.of(503));

        assertThatThrownBy(() -> sender.send(ids)).isInstanceOf(PushRetryException.class)
                .hasMessageContaining("1 of 3").hasMessageContaining("503");
        List<Long> waiting = ids.stream().filter(id -> "QUEUED".equals(row(id).get("state"))).toList();
        assertThat(waiting).hasSize(1);
        assertThat(row(waiting.get(0)).get("claimed_at")).as("claim released").isNull();
        assertThat(pushService.received).hasSize(3);

        sender.send(ids); // the broker's redelivery of the same batch

        assertThat(ids).allSatisfy(id -> assertThat(row(id).get("state")).isEqualTo("SUBMITTED"));
        assertThat(pushService.received).as("one more request, for the deferred message only").hasSize(4);
        assertThat(pushService.received.get(3).plaintext())
                .contains("\"id\":\"" + waiting.get(0) + "\"");
    }

    @Test
    void aTemporaryFailureIsFinalOnceTheAttemptsAreUsedUp() throws Exception {
        PushChannelSender impatient = new PushChannelSender(messages, subscriptions,
                (target, message) -> PushResult.retry(null, "push service answered 503"), pool, 2);
        long id = queue(notice("GENERAL"), subscriptions.register(guardian71, browser(), null), "t", "b", null);

        assertThatThrownBy(() -> impatient.send(List.of(id))).isInstanceOf(PushRetryException.class);
        impatient.send(List.of(id));

        assertThat(row(id).get("state")).isEqualTo("FAILED");
        assertThat((String) row(id).get("error")).startsWith("gave up after 2 attempts");
    }

    @Test
    void aBatchIsSentInParallelAndEveryOutcomeRecorded() throws Exception {
        long notice = notice("GENERAL");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(queue(notice, subscriptions.register(guardian71, browser(), null), "t", "批量" + i, null));
        }

        sender.sendBatch(String.join(",", ids.stream().map(String::valueOf).toList()));

        assertThat(pushService.problems).isEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(row(id).get("state")).isEqualTo("SUBMITTED"));
        assertThat(pushService.received).hasSize(12);
    }

    @Test
    void anAcknowledgementDeliversTheMessageOnlyWithTheTargetItWasSentTo() throws Exception {
        PushTarget.WebPushSubscription browser = browser();
        long subscription = subscriptions.register(guardian71, browser, null);
        long id = queue(notice("GENERAL"), subscription, "t", "b", null);
        sender.send(List.of(id));
        PushTarget.WebPushSubscription other = browser();

        assertThat(acks.acknowledge(id, PushSubscriptionRepository.Kind.WEBPUSH, other.endpoint()))
                .isEqualTo(PushAcknowledgements.Outcome.NOT_FOUND);
        assertThat(acks.acknowledge(id, PushSubscriptionRepository.Kind.FCM, browser.endpoint()))
                .isEqualTo(PushAcknowledgements.Outcome.NOT_FOUND);
        assertThat(row(id).get("state")).isEqualTo("SUBMITTED");

        assertThat(acks.acknowledge(id, PushSubscriptionRepository.Kind.WEBPUSH, browser.endpoint()))
                .isEqualTo(PushAcknowledgements.Outcome.ACKNOWLEDGED);
        assertThat(row(id).get("state")).isEqualTo("DELIVERED");
        assertThat(acks.acknowledge(id, PushSubscriptionRepository.Kind.WEBPUSH, browser.endpoint()))
                .isEqualTo(PushAcknowledgements.Outcome.ALREADY_ACKNOWLEDGED);
        assertThat(acks.acknowledge(id + 100_000, PushSubscriptionRepository.Kind.WEBPUSH, browser.endpoint()))
                .isEqualTo(PushAcknowledgements.Outcome.NOT_FOUND);
    }

    @Test
    void anAckThatOvertakesTheSendersBookkeepingStillCounts() throws Exception {
        String token = "overtaking-token-" + System.nanoTime();
        long subscription = subscriptions.register(guardian71, PushTarget.fcm(token), null);
        long id = queue(notice("GENERAL"), subscription, "t", "b", null);
        PushChannelSender ackingBeforeReturning = new PushChannelSender(messages, subscriptions, (target, message) -> {
            assertThat(acks.acknowledge(Long.parseLong(message.id()), PushSubscriptionRepository.Kind.FCM, token))
                    .isEqualTo(PushAcknowledgements.Outcome.ACKNOWLEDGED);
            return PushResult.delivered("projects/x/messages/9");
        }, pool);

        ackingBeforeReturning.send(List.of(id));

        assertThat(row(id).get("state")).isEqualTo("DELIVERED");
    }

    @Test
    void theSameDeviceRegisteringAgainKeepsItsRowAndComesBackFromPruning() throws Exception {
        PushTarget.WebPushSubscription browser = browser();
        long first = subscriptions.register(guardian71, browser, "旧标签");
        subscriptions.prune(first, "push service answered 410");

        long again = subscriptions.register(guardian71, browser, "新标签");

        assertThat(again).isEqualTo(first);
        PushSubscriptionRepository.Subscription row = subscriptions.find(first).orElseThrow();
        assertThat(row.active()).isTrue();
        assertThat(row.label()).isEqualTo("新标签");
        assertThat(row.target()).as("masked: the push service's origin only").isEqualTo("http://127.0.0.1/***");
        assertThat(subscriptions.activeFor(List.of(guardian71)).get(guardian71))
                .contains(new PushSubscriptionRepository.SubscriptionRef(first, PushSubscriptionRepository.Kind.WEBPUSH));
        assertThat(subscriptions.activeTarget(first).orElseThrow().target()).isEqualTo(browser);
        byte[] stored = school.jdbc.queryForObject("select target_enc from push_subscription where id = :id",
                Map.of("id", first), byte[].class);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(browser.auth());
    }

    @Test
    void theGeneratedVapidKeysAreStoredOnceAndReadBack() {
        VapidKeyStore store = new VapidKeyStore(school.jdbc, school.cipher);

        VapidKeys first = store.loadOrCreate();
        VapidKeys again = new VapidKeyStore(school.jdbc, school.cipher).loadOrCreate();

        assertThat(again.publicKeyBase64Url()).isEqualTo(first.publicKeyBase64Url());
        assertThat(again.privateKeyBase64Url()).isEqualTo(first.privateKeyBase64Url());
    }
}
