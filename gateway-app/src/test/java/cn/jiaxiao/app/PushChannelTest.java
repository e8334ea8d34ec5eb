package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import cn.jiaxiao.routes.push.VapidKeys;
import cn.jiaxiao.routes.support.Queues;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The push subscription API, the public VAPID key and acknowledgements, and the demo's push inbox. */
class PushChannelTest extends GatewayTest {

    private static final String AUTH = "AAECAwQFBgcICQoLDA0ODw";

    @Autowired
    OutboundMessageRepository outbox;
    @Autowired
    PushSubscriptionRepository subscriptions;
    @Autowired
    ProducerTemplate producer;

    private long guardianOf(String classCode, int index) {
        return jdbc.queryForList("""
                select distinct gs.guardian_id from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = :code order by gs.guardian_id""",
                Map.of("code", classCode), Long.class).get(index);
    }

    private static String webPush(long guardianId, String endpoint, String p256dh, String auth, String label) {
        return """
                {"guardianId":%d,"kind":"WEBPUSH","endpoint":"%s","p256dh":"%s","auth":"%s","label":"%s"}"""
                .formatted(guardianId, endpoint, p256dh, auth, label);
    }

    private static String endpoint() {
        return "https://fcm.googleapis.com/fcm/send/dQw4w9WgXcQ:APA91b" + System.nanoTime();
    }

    private static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("field").asText()).isEqualTo(field);
    }

    @Test
    void theVapidPublicKeyIsPublicAndStable() {
        Api.Response first = api.as(null, null, null, "GET", "/api/push/vapid-public-key", null);
        Api.Response second = api.get("teacher71", "/api/push/vapid-public-key");

        assertThat(first.status()).isEqualTo(200);
        String key = first.json().path("publicKey").asText();
        assertThat(key).matches("[A-Za-z0-9_-]{87}").startsWith("B"); // 0x04 || X || Y
        assertThat(second.json().path("publicKey").asText()).isEqualTo(key);
        Long stored = jdbc.queryForObject("select count(*) from push_vapid_key", Map.of(), Long.class);
        assertThat(stored).as("generated once and kept").isEqualTo(1);
    }

    @Test
    void aHeadTeacherRegistersListsMaskedAndRemovesASubscriptionOfHisClass() {
        long guardian = guardianOf("7-1", 1);
        String endpoint = endpoint();
        String p256dh = VapidKeys.generate().publicKeyBase64Url();

        Api.Response created = api.post("teacher71", "/api/push/subscriptions",
                webPush(guardian, endpoint, p256dh, AUTH, "张三家长的手机"));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("kind").asText()).isEqualTo("WEBPUSH");
        assertThat(created.json().path("target").asText()).isEqualTo("https://fcm.googleapis.com/***");
        assertThat(created.json().path("active").asBoolean()).isTrue();

        Api.Response again = api.post("teacher71", "/api/push/subscriptions",
                webPush(guardian, endpoint, p256dh, AUTH, "新备注"));
        assertThat(again.json().path("id").asLong()).as("the same browser keeps its row").isEqualTo(id);

        Api.Response listed = api.get("teacher71", "/api/push/subscriptions?guardianId=" + guardian);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.raw()).doesNotContain("APA91b").doesNotContain(AUTH).doesNotContain(p256dh);
        JsonNode mine = null;
        for (JsonNode s : listed.json()) {
            if (s.path("id").asLong() == id) {
                mine = s;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("label").asText()).isEqualTo("新备注");
        assertThat(mine.path("guardianId").asLong()).isEqualTo(guardian);

        assertThat(api.delete("teacher72", "/api/push/subscriptions/" + id)).as("not his class").isEqualTo(404);
        assertThat(api.delete("teacher71", "/api/push/subscriptions/" + id)).isEqualTo(204);
        assertThat(api.get("teacher71", "/api/push/subscriptions?guardianId=" + guardian).json())
                .noneMatch(s -> s.path("id").asLong() == id);
        assertThat(api.delete("teacher71", "/api/push/subscriptions/" + id)).isEqualTo(404);
    }

    @Test
    void anFcmTokenCanBeRegisteredForAGuardianInScopeOnly() {
        String token = "fK3w9x_Q0aE:APA91bH-parent-phone-" + System.nanoTime();
        String body71 = "{\"guardianId\":%d,\"kind\":\"FCM\",\"token\":\"%s\"}".formatted(guardianOf("7-1", 2), token);
        String body72 = "{\"guardianId\":%d,\"kind\":\"FCM\",\"token\":\"%s\"}".formatted(guardianOf("7-2", 2), token);

        assertProblem(api.post("teacher71", "/api/push/subscriptions", body72), 404, "guardianId");
        assertProblem(api.get("teacher71", "/api/push/subscriptions?guardianId=" + guardianOf("7-2", 2)), 404,
                "guardianId");
        assertProblem(api.post("teacher71", "/api/push/subscriptions",
                "{\"guardianId\":999999999,\"kind\":\"FCM\",\"token\":\"" + token + "\"}"), 404, "guardianId");
        Api.Response created = api.post("teacher71", "/api/push/subscriptions", body71);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().path("target").asText()).isEqualTo("***" + token.substring(token.length() - 4));
        assertThat(api.as(null, null, null, "POST", "/api/push/subscriptions", body71).status()).isEqualTo(401);
    }

    @Test
    void everyFieldIsValidatedAndTheProblemNamesIt() {
        long guardian = guardianOf("7-1", 0);
        String p256dh = VapidKeys.generate().publicKeyBase64Url();
        String path = "/api/push/subscriptions";

        assertProblem(api.post("teacher71", path, "{\"kind\":\"FCM\",\"token\":\"abcdefghijklmnopqrstuvwxyz\"}"),
                400, "guardianId");
        assertProblem(api.post("teacher71", path, "{\"guardianId\":" + guardian + ",\"kind\":\"APNS\"}"), 400, "kind");
        assertProblem(api.post("teacher71", path, "{\"guardianId\":" + guardian + ",\"kind\":\"FCM\",\"token\":\"short\"}"),
                400, "token");
        assertProblem(api.post("teacher71", path, "{\"guardianId\":" + guardian
                + ",\"kind\":\"FCM\",\"token\":\"abcdefghijklmnopqrstuvwxyz\",\"endpoint\":\"https://x.example/\"}"),
                400, "endpoint");
        assertProblem(api.post("teacher71", path, webPush(guardian, "http://push.example/sub/1", p256dh, AUTH, "")),
                400, "endpoint");
        assertProblem(api.post("teacher71", path, webPush(guardian, "not a url", p256dh, AUTH, "")), 400, "endpoint");
        assertProblem(api.post("teacher71", path, webPush(guardian, "https://push.example/" + "x".repeat(2100), p256dh,
                AUTH, "")), 400, "endpoint");
        assertProblem(api.post("teacher71", path, webPush(guardian, endpoint(), "BAAA", AUTH, "")), 400, "p256dh");
        assertProblem(api.post("teacher71", path, webPush(guardian, endpoint(), p256dh.replace('B', '+'), AUTH, "")),
                400, "p256dh");
        assertProblem(api.post("teacher71", path, webPush(guardian, endpoint(), p256dh, "AAECAwQFBgcICQoL", "")),
                400, "auth");
        assertProblem(api.post("teacher71", path, webPush(guardian, endpoint(), p256dh, "not/base64!", "")),
                400, "auth");
        assertProblem(api.post("teacher71", path, webPush(guardian, endpoint(), p256dh, AUTH, "长".repeat(81))),
                400, "label");
        assertProblem(api.post("teacher71", path, "{\"guardianId\":\"x\"}"), 400, "guardianId");
    }

    @Test
    void anAckDeliversThePushOnlyWithTheTargetItWasSentTo() {
        long guardian = guardianOf("7-1", 4);
        String token = "ack-test-token-" + System.nanoTime();
        long subscription = api.post("teacher71", "/api/push/subscriptions",
                "{\"guardianId\":%d,\"kind\":\"FCM\",\"token\":\"%s\"}".formatted(guardian, token)).json()
                .path("id").asLong();
        long messageId = submittedPush(guardian, subscription);

        assertThat(api.as(null, null, null, "POST", "/api/push/ack",
                "{\"messageId\":%d,\"token\":\"%s\"}".formatted(messageId, token + "x")).status()).isEqualTo(404);
        assertThat(api.as(null, null, null, "POST", "/api/push/ack",
                "{\"messageId\":%d,\"endpoint\":\"%s\"}".formatted(messageId, token)).status()).isEqualTo(404);
        assertThat(state(messageId)).isEqualTo("SUBMITTED");
        assertProblem(api.as(null, null, null, "POST", "/api/push/ack", "{\"token\":\"" + token + "\"}"), 400,
                "messageId");
        assertProblem(api.as(null, null, null, "POST", "/api/push/ack",
                "{\"messageId\":%d}".formatted(messageId)), 400, "token");

        Api.Response acked = api.as(null, null, null, "POST", "/api/push/ack",
                "{\"messageId\":%d,\"token\":\"%s\"}".formatted(messageId, token));

        assertThat(acked.status()).as(acked.raw()).isEqualTo(200);
        assertThat(acked.json().path("state").asText()).isEqualTo("DELIVERED");
        assertThat(state(messageId)).isEqualTo("DELIVERED");
        assertThat(api.as(null, null, null, "POST", "/api/push/ack",
                "{\"messageId\":%d,\"token\":\"%s\"}".formatted(messageId, token)).status()).as("idempotent")
                .isEqualTo(200);
    }

    @Test
    void theDemoSchoolsPushSubscriptionsReachTheDemoInboxThroughThePushRoute() {
        long withPush = guardianOf("7-1", 0);
        List<PushSubscriptionRepository.SubscriptionRef> demo = subscriptions.activeFor(List.of(withPush))
                .get(withPush);
        assertThat(demo).isNotEmpty();
        int guardians71 = jdbc.queryForObject("""
                select count(distinct gs.guardian_id) from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-1'""", Map.of(), Integer.class);
        Integer seeded = jdbc.queryForObject("select count(*) from push_subscription where label = '演示浏览器'",
                Map.of(), Integer.class);
        assertThat(seeded).isEqualTo((guardians71 + 2) / 3);

        long messageId = queuedPush(withPush, demo.get(0).id());
        producer.sendBody(Queues.jms(Queues.PUSH_OUTBOUND), String.valueOf(messageId));

        await().atMost(Duration.ofSeconds(20)).until(() -> !"QUEUED".equals(state(messageId)));
        assertThat(state(messageId)).isEqualTo("SUBMITTED");
        Api.Response inbox = api.get("teacher71", "/api/push/demo-inbox");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.json()).anySatisfy(r -> {
            assertThat(r.path("contentEncoding").asText()).isEqualTo("aes128gcm");
            assertThat(r.path("encryptedBytes").asInt()).isPositive();
        });
        assertThat(jdbc.queryForObject("select provider_id from outbound_message where id = :id",
                Map.of("id", messageId), String.class)).startsWith("/demo/push/messages/");
        assertThat(api.as(null, null, null, "GET", "/api/push/demo-inbox", null).status()).isEqualTo(401);
    }

    private long queuedPush(long guardian, long subscription) {
        Long drafter = jdbc.queryForObject("select id from staff_account where username = 'teacher71'", Map.of(),
                Long.class);
        long notice = jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('推送', '正文', 'GENERAL', '{}'::jsonb, 'PUSH', 'SENDING', :drafter, :hash)
                returning id""", Map.of("drafter", drafter, "hash", "ef".repeat(32)), Long.class);
        return outbox.insertAll(List.of(new NewMessage(notice, "PUSH", guardian, null, String.valueOf(subscription),
                "push#" + subscription, "明天开放日，欢迎家长到校。", 0,
                new NewMessage.ChannelContent("开放日", null, "{\"noticeId\":" + notice + "}", subscription), null,
                null))).get(0).id();
    }

    /** A push message as the sender leaves it once the push service accepted it. */
    private long submittedPush(long guardian, long subscription) {
        long id = queuedPush(guardian, subscription);
        jdbc.update("update outbound_message set state = 'SUBMITTED', submitted_at = now(), provider_id = 'p/1'"
                + " where id = :id", Map.of("id", id));
        return id;
    }

    private String state(long messageId) {
        return jdbc.queryForObject("select state from outbound_message where id = :id", Map.of("id", messageId),
                String.class);
    }
}
