package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.ClassRoster;
import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.smsc.ReceivedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's path, end to end on the embedded defaults: real PostgreSQL, real Artemis, SMPP over TCP to
 * the in-process simulator, receipts back.
 */
class WalkingSkeletonTest extends GatewayTest {

    private static final String CLASS_71 = "{\"classes\":[\"7-1\"]}";

    @Test
    void classNoticeApprovedByTheGradeLeaderReachesEveryGuardianExactlyOnce() {
        String body = "各位家长：本周五下午三点在七年级1班教室召开家长会，请准时参加。";
        Api.Response created = api.post("teacher71", "/api/notices", Api.notice("家长会通知", body, CLASS_71));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        long id = created.json().get("id").asLong();

        Api.Response approved = api.post("grade7", "/api/notices/" + id + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isIn("APPROVED", "SENDING", "SENT");

        List<String> expected = ClassRoster.guardianMobiles(jdbc, cipher, "7-1");
        Map<String, String> texts = ClassRoster.smsTexts(jdbc, cipher, "7-1", body);
        JsonNode done = awaitDelivered(id, expected.size());
        assertThat(done.get("status").asText()).isEqualTo("SENT");
        assertThat(done.get("stats").get("recipients").asInt()).isEqualTo(expected.size());
        assertThat(done.get("stats").get("failed").asInt()).isZero();

        Map<String, List<ReceivedMessage>> byNumber = receivedFor(texts);
        assertThat(byNumber.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        byNumber.forEach((number, messages) -> {
            assertThat(messages).hasSize(1);
            ReceivedMessage sms = messages.get(0);
            assertThat(sms.text()).as("greeted through the guardian's children").isEqualTo(texts.get(number))
                    .matches("【示范中学】\\S+家长您好：.*");
            assertThat(sms.dataCoding()).isEqualTo(8);
            assertThat(sms.registeredDelivery() & 0x01).isEqualTo(1);
            assertThat(sms.parts()).isOne();
            assertThat(sms.source()).as("service number + the notice's extension").isEqualTo(
                    "1069000" + String.format("%04d", id % 10000));
        });
    }

    @Test
    void aLongNoticeIsSplitWithAConcatenationHeaderAndArrivesWhole() {
        String body = "各位家长：" + "请督促孩子每天按时完成作业，家长检查后签字，并于次日早读前交给课代表。".repeat(4);
        long id = submitAndApprove("作业要求", body);
        List<String> expected = ClassRoster.guardianMobiles(jdbc, cipher, "7-1");
        awaitDelivered(id, expected.size());

        Map<String, String> texts = ClassRoster.smsTexts(jdbc, cipher, "7-1", body);
        Map<String, List<ReceivedMessage>> byNumber = receivedFor(texts);
        assertThat(byNumber.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        byNumber.forEach((number, messages) -> {
            assertThat(messages).hasSize(1);
            ReceivedMessage sms = messages.get(0);
            int parts = (texts.get(number).length() + 66) / 67;
            assertThat(sms.parts()).isEqualTo(parts);
            assertThat(sms.esmClass() & 0x40).isEqualTo(0x40);
            assertThat(sms.messageIds()).hasSize(parts);
        });
    }

    @Test
    void theDrafterCannotApproveHisOwnNotice() {
        long id = api.post("teacher71", "/api/notices", Api.notice("通知", "明天照常上课。", CLASS_71)).json()
                .get("id").asLong();
        Api.Response refused = api.post("teacher71", "/api/notices/" + id + "/approve", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("起草人不能");
        assertThat(api.get("teacher71", "/api/notices/" + id).json().get("status").asText())
                .isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void deliveriesShowMaskedNumbersTheSmscIdAndTheState() {
        long id = submitAndApprove("放假通知", "元旦放假一天，1月2日正常上课。");
        List<String> expected = ClassRoster.guardianMobiles(jdbc, cipher, "7-1");
        awaitDelivered(id, expected.size());
        Api.Response page = api.get("teacher71", "/api/notices/" + id + "/deliveries?limit=500");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("total").asInt()).isEqualTo(expected.size());
        for (JsonNode item : page.json().get("items")) {
            assertThat(item.get("recipient").asText()).matches("1\\d{2}\\*{4}\\d{4}");
            assertThat(item.get("state").asText()).isEqualTo("DELIVERED");
            assertThat(item.get("smscMessageIds")).hasSize(1);
        }
        expected.forEach(number -> assertThat(page.raw()).doesNotContain(number));
    }

    @Test
    void theArchiveNamesWhoDraftedAndWhoApprovedWithTimes() {
        long id = submitAndApprove("安全提醒", "请家长提醒孩子注意交通安全。");
        awaitDelivered(id, ClassRoster.guardianMobiles(jdbc, cipher, "7-1").size());
        JsonNode notice = api.get("teacher71", "/api/notices/" + id).json();
        assertThat(notice.get("drafter").get("username").asText()).isEqualTo("teacher71");
        JsonNode approval = notice.get("approvals").get(0);
        assertThat(approval.get("decidedBy").get("username").asText()).isEqualTo("grade7");
        assertThat(approval.get("decidedAt").isNull()).isFalse();
        assertThat(notice.get("createdAt").isNull()).isFalse();
        assertThat(notice.get("finishedAt").isNull()).isFalse();
        // every archived row carries the text that was sent and links back to this approval record
        Integer archived = jdbc.queryForObject("""
                select count(*) from outbound_message m join notice n on n.id = m.notice_id
                join approval_step s on s.notice_id = n.id and s.actor_id is not null
                where n.id = :id and m.body like '【示范中学】%' and m.submitted_at is not null""",
                Map.of("id", id), Integer.class);
        assertThat(archived).isEqualTo(notice.get("stats").get("recipients").asInt());
    }

    @Test
    void errorsAreProblemDocumentsThatNameTheField() {
        Api.Response anonymous = api.get(null, "/api/notices/1");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Api.Response badJson = api.post("teacher71", "/api/notices", "{\"title\": ");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.contentType()).startsWith("application/problem+json");

        Api.Response wrongType = api.post("teacher71", "/api/notices",
                "{\"title\":\"t\",\"body\":\"b\",\"audience\":{\"classes\":\"7-1\",\"school\":\"x\"},\"channels\":[\"SMS\"]}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("field").asText()).startsWith("audience.");

        Api.Response noTitle = api.post("teacher71", "/api/notices", Api.notice("", "正文", CLASS_71));
        assertThat(noTitle.json().get("field").asText()).isEqualTo("title");

        Api.Response unknownClass = api.post("teacher71", "/api/notices",
                Api.notice("通知", "正文", "{\"classes\":[\"9-9\"]}"));
        assertThat(unknownClass.status()).isEqualTo(400);
        assertThat(unknownClass.json().get("field").asText()).isEqualTo("audience.classes");

        Api.Response otherClass = api.post("teacher71", "/api/notices",
                Api.notice("通知", "正文", "{\"classes\":[\"7-2\"]}"));
        assertThat(otherClass.status()).isEqualTo(403);
        assertThat(otherClass.json().get("field").asText()).isEqualTo("audience.classes");
        assertThat(otherClass.json().get("detail").asText()).contains("7-2");

        Api.Response badChannel = api.post("teacher71", "/api/notices",
                "{\"title\":\"t\",\"body\":\"b\",\"audience\":" + CLASS_71 + ",\"channels\":[\"FAX\"]}");
        assertThat(badChannel.json().get("field").asText()).isEqualTo("channels");

        assertThat(api.get("teacher71", "/api/notices/abc").json().get("field").asText()).isEqualTo("id");
    }

    @Test
    void anotherClassesTeacherCannotReadTheNoticeById() {
        long id = api.post("teacher71", "/api/notices", Api.notice("通知", "明天照常上课。", CLASS_71)).json()
                .get("id").asLong();
        assertThat(api.get("teacher72", "/api/notices/" + id).status()).isEqualTo(404);
        assertThat(api.get("teacher72", "/api/notices/" + id + "/deliveries").status()).isEqualTo(404);
        assertThat(api.post("teacher72", "/api/notices/" + id + "/approve", null).status()).isEqualTo(404);
        assertThat(api.get("grade7", "/api/notices/" + id).status()).isEqualTo(200);
    }

    private long submitAndApprove(String title, String body) {
        Api.Response created = api.post("teacher71", "/api/notices", Api.notice(title, body, CLASS_71));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        return id;
    }

    private JsonNode awaitDelivered(long id, int recipients) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("teacher71", "/api/notices/" + id).json(),
                        n -> n.get("stats").get("delivered").asInt() == recipients
                                && n.get("status").asText().equals("SENT"));
    }

    /** What each number received with exactly its text (the simulator is shared by the tests of the class). */
    private Map<String, List<ReceivedMessage>> receivedFor(Map<String, String> textByNumber) {
        return smsc.received().stream().filter(m -> m.text().equals(textByNumber.get(m.destination())))
                .collect(Collectors.groupingBy(ReceivedMessage::destination));
    }
}
