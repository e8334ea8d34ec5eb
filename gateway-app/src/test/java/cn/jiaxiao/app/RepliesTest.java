package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.routes.reply.AbsenceService;
import cn.jiaxiao.smsc.ReceivedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8 as a new user would try it: parents' replies injected through the SMSC simulator, and the head
 * teacher's side through the API, on the embedded defaults.
 */
class RepliesTest extends GatewayTest {

    private static final String SERVICE = "1069000";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private AbsenceService absences;

    /** A guardian of exactly one child of 7-1, and that child. */
    record Parent(String mobile, long studentId, String child) {
    }

    private List<Parent> singleChildParents() {
        List<Parent> parents = new ArrayList<>();
        jdbc.query("""
                select g.mobile_enc, min(s.id) as student_id, min(s.name) as child from guardian g
                join guardian_student gs on gs.guardian_id = g.id join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id
                where g.mobile_enc is not null and g.mobile_hash is not null
                group by g.id, g.mobile_enc
                having count(*) = 1 and min(c.code) = '7-1'
                   and (select count(*) from guardian g2 where g2.mobile_hash = g.mobile_hash) = 1
                order by g.id""", rs -> {
            parents.add(new Parent(cipher.decrypt(rs.getBytes("mobile_enc")).substring(3), rs.getLong("student_id"),
                    rs.getString("child")));
        });
        // one guardian per student: a father and a mother of the same child would share its leave records
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return parents.stream().filter(p -> seen.add(p.studentId())).toList();
    }

    private long texts(String mobile, String containing) {
        return smsc.receivedFor(mobile).stream().map(ReceivedMessage::text).filter(t -> t.contains(containing)).count();
    }

    private void awaitText(String mobile, String containing) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> texts(mobile, containing) > 0);
    }

    private byte[] hash(String mobile) {
        return cipher.lookupHash(MobileNumber.parse(mobile).orElseThrow().e164());
    }

    private List<String> outcomes(String mobile) {
        return jdbc.queryForList("select outcome from parent_reply where source_hash = :h order by id",
                Map.of("h", hash(mobile)), String.class);
    }

    private long sendReplyRequired(String title, String audience) {
        String json = "{\"title\":\"" + title + "\",\"body\":\"本周五下午三点召开家长会，请准时参加。" + title
                + "\",\"audience\":" + audience
                + ",\"channels\":[\"SMS\"],\"replyRequired\":true}";
        Api.Response created = api.post("teacher71", "/api/notices", json);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> notice(id),
                n -> n.get("status").asText().equals("SENT"));
        return id;
    }

    private JsonNode notice(long id) {
        return api.get("teacher71", "/api/notices/" + id).json();
    }

    private static String extension(long noticeId) {
        return SERVICE + String.format("%04d", noticeId % 10_000);
    }

    @Test
    void confirmationsCountWithAndWithoutExtensionAndTheReminderReachesOnlyTheOthers() {
        List<Parent> parents = singleChildParents();
        Parent byCode = parents.get(0);
        Parent noCode = parents.get(1);
        Parent afterReminder = parents.get(2);
        String title = "家长会" + marker();
        long id = sendReplyRequired(title, "{\"classes\":[\"7-1\"]}");
        int recipients = notice(id).get("stats").get("recipients").asInt();
        assertThat(notice(id).get("stats").get("confirmed").asInt()).isZero();
        assertThat(smsc.receivedFor(byCode.mobile()).stream().filter(m -> m.text().contains(title)).findFirst()
                .orElseThrow().text()).contains("请回复1确认收到");

        smsc.injectMo(byCode.mobile(), extension(id), "1");
        smsc.injectMo(noCode.mobile(), SERVICE, "收到");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> notice(id).get("stats").get("confirmed").asInt() == 2);
        JsonNode listing = api.get("teacher71", "/api/notices/" + id + "/confirmations").json();
        assertThat(listing.get("confirmed").asInt()).isEqualTo(2);
        assertThat(listing.get("notConfirmed").asInt()).isEqualTo(recipients - 2);
        assertThat(listing.toString()).doesNotContain(byCode.mobile());

        Api.Response reminded = api.post("teacher71", "/api/notices/" + id + "/remind", null);
        assertThat(reminded.status()).as(reminded.raw()).isEqualTo(200);
        assertThat(reminded.json().get("recipients").asInt()).isEqualTo(recipients - 2);
        long reminderId = reminded.json().get("reminderId").asLong();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> smsc.received().stream()
                .filter(m -> m.text().contains("《" + title + "》")).count() == recipients - 2);
        assertThat(texts(byCode.mobile(), "《" + title + "》")).isZero();
        assertThat(texts(noCode.mobile(), "《" + title + "》")).isZero();
        assertThat(api.get("teacher71", "/api/notices/" + id + "/audit").raw()).contains("REMINDED");

        // a reply to the reminder counts on the original notice
        smsc.injectMo(afterReminder.mobile(), extension(reminderId), "好的");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> notice(id).get("stats").get("confirmed").asInt() == 3);
    }

    @Test
    void leaveRequestsInEachFormBecomeRecordsAndTheGuardianHearsTheDecision() {
        List<Parent> parents = singleChildParents();
        Parent noName = parents.get(5);
        Parent named = parents.get(6);
        Parent range = parents.get(7);
        Parent chatty = parents.get(8);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());

        smsc.injectMo(noName.mobile(), SERVICE, "老师您好，明天请假一天，孩子发烧");
        smsc.injectMo(named.mobile(), SERVICE, "请假 " + named.child() + " 后天上午 看牙医");
        smsc.injectMo(range.mobile(), SERVICE, named.child().equals(range.child()) ? "明天到后天请假，家里有事"
                : range.child() + "从明天到后天请假，家里有事");
        smsc.injectMo(chatty.mobile(), SERVICE, "老师，孩子这周作业多吗？");

        JsonNode leaves = await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get("teacher71", "/api/leave-requests?limit=500").json(),
                        l -> find(l, noName.studentId()) != null && find(l, named.studentId()) != null
                                && find(l, range.studentId()) != null);
        JsonNode fever = find(leaves, noName.studentId());
        assertThat(fever.get("from").asText()).isEqualTo(today.plusDays(1).toString());
        assertThat(fever.get("part").asText()).isEqualTo("FULL_DAY");
        assertThat(fever.get("reason").asText()).contains("发烧");
        assertThat(fever.get("state").asText()).isEqualTo("PENDING");
        assertThat(fever.get("classCode").asText()).isEqualTo("7-1");
        assertThat(fever.get("originalText").asText()).isEqualTo("老师您好，明天请假一天，孩子发烧");
        JsonNode dentist = find(leaves, named.studentId());
        assertThat(dentist.get("from").asText()).isEqualTo(today.plusDays(2).toString());
        assertThat(dentist.get("part").asText()).isEqualTo("MORNING");
        JsonNode twoDays = find(leaves, range.studentId());
        assertThat(twoDays.get("to").asText()).isEqualTo(today.plusDays(2).toString());

        awaitText(noName.mobile(), "已收到");
        assertThat(api.get("teacher72", "/api/leave-requests?limit=500").raw())
                .doesNotContain("\"studentId\":" + noName.studentId() + ",");
        assertThat(api.get("grade7", "/api/leave-requests/" + fever.get("id").asLong()).status()).isEqualTo(200);
        assertThat(api.post("teacher72", "/api/leave-requests/" + fever.get("id").asLong() + "/approve", null)
                .status()).isEqualTo(404);

        Api.Response approved = api.post("teacher71", "/api/leave-requests/" + fever.get("id").asLong() + "/approve",
                null);
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
        awaitText(noName.mobile(), "已批准");
        assertThat(api.post("teacher71", "/api/leave-requests/" + fever.get("id").asLong() + "/reject", null)
                .status()).isEqualTo(409);
        Api.Response rejected = api.post("teacher71", "/api/leave-requests/" + twoDays.get("id").asLong() + "/reject",
                "{\"note\":\"期中考试期间\"}");
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        awaitText(range.mobile(), "未获批准");

        // not a leave request: a short help answer, and the text in the head teacher's inbox
        awaitText(chatty.mobile(), "已转给班主任");
        assertThat(api.get("teacher71", "/api/replies/inbox?limit=500").raw()).contains("孩子这周作业多吗");
        assertThat(api.get("teacher72", "/api/replies/inbox?limit=500").raw()).doesNotContain("孩子这周作业多吗");
    }

    private static JsonNode find(JsonNode leaves, long studentId) {
        return StreamSupport.stream(leaves.spliterator(), false)
                .filter(l -> l.get("studentId").asLong() == studentId).findFirst().orElse(null);
    }

    @Test
    void anAbsenceAlertAndItsReplyAreLinkedAndSilenceIsEscalated() {
        List<Parent> parents = singleChildParents();
        Parent answers = parents.get(10);
        Parent silent = parents.get(11);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        Api.Response alert = api.post("teacher71", "/api/absences", "{\"studentId\":" + answers.studentId()
                + ",\"date\":\"" + today + "\",\"period\":\"上午第一节课\"}");
        assertThat(alert.status()).as(alert.raw()).isEqualTo(201);
        long absenceId = alert.json().get("id").asLong();
        awaitText(answers.mobile(), "未到校");
        assertThat(api.post("teacher72", "/api/absences", "{\"studentId\":" + answers.studentId() + ",\"date\":\""
                + today + "\"}").status()).isEqualTo(404);

        smsc.injectMo(answers.mobile(), SERVICE, "孩子早上发烧了在家休息，忘了跟老师说");
        JsonNode replied = await().atMost(WAIT).pollInterval(Duration.ofMillis(300))
                .until(() -> absence(absenceId), a -> a != null && !a.get("replyText").isNull());
        assertThat(replied.get("replyText").asText()).contains("发烧");

        Api.Response second = api.post("teacher71", "/api/absences", "{\"studentId\":" + silent.studentId()
                + ",\"date\":\"" + today + "\",\"kind\":\"LEFT_SCHOOL\",\"period\":\"下午\"}");
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        long silentId = second.json().get("id").asLong();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            absences.escalateOverdue(Duration.ZERO);
            JsonNode a = absence(silentId);
            return a != null && !a.get("escalatedAt").isNull();
        });
        assertThat(absence(absenceId).get("escalatedAt").isNull()).as("the answered one stays").isTrue();
    }

    private JsonNode absence(long id) {
        return StreamSupport.stream(api.get("teacher71", "/api/absences?limit=500").json().spliterator(), false)
                .filter(a -> a.get("id").asLong() == id).findFirst().orElse(null);
    }

    @Test
    void malformedUnknownAutomaticAndLoopingRepliesDoNoHarmAndOptOutHolds() throws Exception {
        List<Parent> parents = singleChildParents();
        Parent robot = parents.get(13);
        Parent looping = parents.get(14);
        Parent leaving = parents.get(15);
        String unknown = "13700000099";

        smsc.injectMo(unknown, SERVICE, "请假 明天");
        smsc.injectMo(robot.mobile(), SERVICE, "【某某银行】您好，我正在开会，稍后回复您。此为自动回复");
        for (int i = 0; i < 8; i++) {
            smsc.injectMo(looping.mobile(), SERVICE, "这是一条不相关的消息" + i);
        }
        smsc.injectMo(leaving.mobile(), SERVICE, "帮助");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> outcomes(unknown).size() == 1
                && outcomes(robot.mobile()).size() == 1 && outcomes(looping.mobile()).size() == 8);
        assertThat(outcomes(unknown)).containsExactly("IGNORED");
        assertThat(outcomes(robot.mobile())).containsExactly("IGNORED");
        awaitText(leaving.mobile(), "回复TD退订");
        Thread.sleep(2000);
        assertThat(smsc.receivedFor(unknown)).isEmpty();
        assertThat(texts(robot.mobile(), "已转给班主任")).isZero();
        assertThat(texts(looping.mobile(), "已转给班主任")).isEqualTo(5);

        try {
            smsc.injectMo(leaving.mobile(), SERVICE, "TD");
            awaitText(leaving.mobile(), "您已退订");
            String title = "退订后" + marker();
            Api.Response created = api.post("teacher71", "/api/notices",
                    Api.notice(title, "本周五下午三点召开家长会，请准时参加。" + title, "{\"classes\":[\"7-1\"]}"));
            long id = created.json().get("id").asLong();
            api.post("grade7", "/api/notices/" + id + "/approve", null);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> notice(id),
                    n -> n.get("status").asText().equals("SENT"));
            assertThat(texts(leaving.mobile(), title)).isZero();
            assertThat(texts(looping.mobile(), title)).isEqualTo(1);
        } finally {
            // other test classes share this context and count every guardian of 7-1
            jdbc.update("delete from guardian_opt_out where guardian_id in (select id from guardian where mobile_hash = :h)",
                    Map.of("h", hash(leaving.mobile())));
        }
    }
}
