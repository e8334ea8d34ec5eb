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
import org.junit.jupiter.api.Test;

/** Head teachers keep their class's roster; audiences reach staff and overlapping parts only once. */
class RosterManagementTest extends GatewayTest {

    @Test
    void theHeadTeacherAddsAStudentChangesAGuardiansNumberAndRemovesTheStudent() {
        String studentNo = "T" + System.nanoTime() % 1_000_000_000L;
        Api.Response added = api.post("teacher71", "/api/classes/7-1/students", "{\"studentNo\":\"" + studentNo
                + "\",\"name\":\"测试学生\",\"guardians\":[{\"name\":\"测试家长\",\"relation\":\"母亲\","
                + "\"mobile\":\"137 0000 1111\",\"email\":\"mum@example.com\"}]}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.raw()).contains("137****1111").doesNotContain("13700001111").contains("m***@example.com");
        assertThat(api.post("teacher72", "/api/classes/7-1/students",
                "{\"studentNo\":\"X1\",\"name\":\"甲\"}").status()).isEqualTo(404);
        Api.Response badMobile = api.post("teacher71", "/api/classes/7-1/students", "{\"studentNo\":\"Y"
                + studentNo + "\",\"name\":\"乙\",\"guardians\":[{\"name\":\"丙\",\"mobile\":\"12345\"}]}");
        assertThat(badMobile.json().get("field").asText()).isEqualTo("guardians[0].mobile");

        long guardianId = added.json().get("guardians").get(0).get("id").asLong();
        assertThat(api.put("teacher72", "/api/guardians/" + guardianId + "/contact",
                "{\"mobile\":\"13700002222\"}").status()).isEqualTo(404);
        Api.Response changed = api.put("teacher71", "/api/guardians/" + guardianId + "/contact",
                "{\"mobile\":\"13700002222\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("mobile").asText()).isEqualTo("137****2222");
        Api.Response taken = api.put("teacher71", "/api/guardians/" + guardianId + "/contact",
                "{\"mobile\":\"13800000001\"}");
        assertThat(taken.status()).isEqualTo(409);

        String audit = api.get("affairs", "/api/audit/admin?limit=20").raw();
        assertThat(audit).contains("GUARDIAN_CONTACT_CHANGED").contains("137****1111").contains("137****2222")
                .doesNotContain("13700002222");

        long studentId = added.json().get("id").asLong();
        assertThat(api.delete("teacher72", "/api/students/" + studentId)).isEqualTo(403);
        assertThat(api.delete("teacher71", "/api/students/" + studentId)).isEqualTo(204);
        assertThat(api.get("teacher71", "/api/classes/7-1/students").raw()).doesNotContain(studentNo);
    }

    @Test
    void aNoticeToAllTeachersReachesEveryOtherStaffPhone() {
        Api.Response created = api.post("teacher71", "/api/notices",
                Api.notice("教研通知", "周三下午教研活动改在三楼会议室。", "{\"allTeachers\":true}"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        int staff = jdbc.queryForObject("""
                select count(*) from staff_account where status = 'ACTIVE' and mobile_enc is not null
                and username <> 'teacher71'""", Map.of(), Integer.class);
        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("teacher71", "/api/notices/" + id).json(),
                        n -> n.get("status").asText().equals("SENT") && n.get("stats").get("delivered").asInt() == staff);
        assertThat(done.get("stats").get("recipients").asInt()).isEqualTo(staff);
        List<ReceivedMessage> got = smsc.received().stream()
                .filter(m -> m.text().equals("【示范中学】老师您好：周三下午教研活动改在三楼会议室。")).toList();
        assertThat(got).hasSize(staff).allSatisfy(m -> assertThat(m.destination()).startsWith("139"));
    }

    @Test
    void overlappingAudiencePartsReachEachGuardianOnce() {
        String body = "七年级全体家长：下周一起冬季作息时间调整。" + marker();
        Api.Response created = api.post("grade7", "/api/notices",
                Api.notice("作息调整", body, "{\"classes\":[\"7-1\",\"7-2\"],\"units\":[\"g7\"]}"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        // a division notice: reviewed by the grade's student-work leader; its drafter is the grade leader,
        // so approval goes up to the principal
        assertThat(created.json().get("approvals").findValuesAsText("role"))
                .containsExactly("STUDENT_WORK_LEADER", "PRINCIPAL");
        assertThat(api.post("grade7work", "/api/notices/" + id + "/review", null).status()).isEqualTo(200);
        assertThat(api.post("principal", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        List<String> expected = new java.util.ArrayList<>(ClassRoster.guardianMobiles(jdbc, cipher, "7-1"));
        ClassRoster.guardianMobiles(jdbc, cipher, "7-2").stream().filter(m -> !expected.contains(m))
                .forEach(expected::add);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("grade7", "/api/notices/" + id).json()
                .get("stats").get("delivered").asInt() == expected.size());
        List<ReceivedMessage> got = smsc.received().stream().filter(m -> m.text().endsWith(body)).toList();
        assertThat(got).extracting(ReceivedMessage::destination).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        Api.Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/notices")).isTrue();
        assertThat(docs.json().get("paths").has("/api/classes/{code}/grants/{username}")).isTrue();
    }
}
