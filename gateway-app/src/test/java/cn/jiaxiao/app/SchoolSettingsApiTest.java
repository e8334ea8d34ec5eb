package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Quiet hours and approval chains as school settings: only the school-level account manager reads or changes
 * them, bad input names the field, every change is audited, the next decision follows it, and a change made by
 * another instance (a row written to the shared database) is picked up without a restart.
 */
class SchoolSettingsApiTest extends GatewayTest {

    private static final String QUIET = "/api/settings/quiet-hours";
    private static final String CHAINS = "/api/settings/approval-chains";
    private static final String CLASS_72 = "{\"classes\":[\"7-2\"]}";

    @Autowired
    private CamelContext camel;

    /** The context is shared with the other test classes: every setting goes back to its default. */
    @AfterEach
    void putBack() {
        api.delete("affairs", QUIET);
        api.delete("affairs", CHAINS + "/class");
        clock.toSchoolHours();
    }

    @Test
    void onlyTheSchoolLevelAccountManagerReadsOrChangesTheSettings() {
        for (String user : List.of("teacher71", "grade7", "principal")) {
            Api.Response get = api.get(user, QUIET);
            assertThat(get.status()).as(user).isEqualTo(403);
            assertThat(get.contentType()).contains("application/problem+json");
            assertThat(api.put(user, QUIET, "{\"start\":\"21:00\",\"end\":\"07:00\"}").status()).as(user)
                    .isEqualTo(403);
            assertThat(api.delete(user, QUIET)).as(user).isEqualTo(403);
            assertThat(api.get(user, CHAINS).status()).as(user).isEqualTo(403);
            assertThat(api.put(user, CHAINS + "/class", "{\"steps\":[{\"action\":\"APPROVE\","
                    + "\"role\":\"PRINCIPAL\",\"anchor\":\"school\"}]}").status()).as(user).isEqualTo(403);
        }
        assertThat(api.as(null, null, null, "GET", QUIET, null).status()).isEqualTo(401);
        assertThat(quiet().get("custom").asBoolean()).as("nothing was stored").isFalse();

        JsonNode hours = api.get("affairs", QUIET).json();
        assertThat(hours.get("start").asText()).isEqualTo("22:00");
        assertThat(hours.get("end").asText()).isEqualTo("07:00");
        assertThat(hours.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(hours.get("defaults").get("start").asText()).isEqualTo("22:00");
        JsonNode chains = api.get("affairs", CHAINS).json();
        assertThat(chains.findValuesAsText("kind")).containsExactly("class", "division", "school", "department",
                "emergency");
        assertThat(chains.get(0).get("text").asText()).isEqualTo("APPROVE:GRADE_LEADER@division");
        assertThat(chains.get(0).get("steps").get(0).get("roleName").asText()).isEqualTo("年级组长");
    }

    @Test
    void badQuietHoursNameTheField() {
        assertField(api.put("affairs", QUIET, "{\"start\":\"25:00\",\"end\":\"07:00\"}"), 400, "start");
        assertField(api.put("affairs", QUIET, "{\"start\":\"22:00\",\"end\":\"7点\"}"), 400, "end");
        assertField(api.put("affairs", QUIET, "{\"start\":\"22:00\"}"), 400, "end");
        assertField(api.put("affairs", QUIET, "{\"start\":\"22:00\",\"end\":\"22:00\"}"), 422, "end");
        assertThat(api.put("affairs", QUIET, "{\"start\":").status()).isEqualTo(400);
        assertThat(quiet().get("custom").asBoolean()).as("nothing was stored").isFalse();
    }

    @Test
    void changedQuietHoursHoldTheNextApprovedNoticeAndAreAudited() {
        clock.setLocal(LocalTime.of(12, 0));
        Api.Response changed = api.put("affairs", QUIET, "{\"start\":\"11:30\",\"end\":\"13:15\"}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().get("custom").asBoolean()).isTrue();
        assertThat(changed.json().get("start").asText()).isEqualTo("11:30");
        assertThat(api.get("affairs", "/api/audit/admin?limit=5").raw())
                .contains("SETTING_QUIET_HOURS_CHANGED").contains("quiet-hours").contains("13:15");

        long id = create("teacher72", CLASS_72);
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        JsonNode held = api.get("teacher72", "/api/notices/" + id).json();
        assertThat(held.get("status").asText()).as("noon is quiet now").isEqualTo("SCHEDULED");
        assertThat(Instant.parse(held.get("sendAt").asText()).atZone(ZoneId.of("Asia/Shanghai")).toLocalTime())
                .isEqualTo(LocalTime.of(13, 15));

        assertThat(api.delete("affairs", QUIET)).isEqualTo(200);
        assertThat(quiet().get("custom").asBoolean()).isFalse();
        assertThat(api.get("affairs", "/api/audit/admin?limit=5").raw()).contains("SETTING_QUIET_HOURS_RESET");
        long next = create("teacher72", CLASS_72);
        assertThat(api.post("grade7", "/api/notices/" + next + "/approve", null).status()).isEqualTo(200);
        assertThat(api.get("teacher72", "/api/notices/" + next).json().get("status").asText())
                .as("back to 22:00–07:00").isNotEqualTo("SCHEDULED");
        api.post("teacher72", "/api/notices/" + id + "/cancel", "{\"reason\":\"测试结束\"}");
    }

    @Test
    void aChangedChainGivesTheNextNoticeItsApproversWhileASubmittedOneKeepsItsOwn() {
        Api.Response changed = api.put("affairs", CHAINS + "/class", """
                {"steps":[{"action":"REVIEW","role":"STUDENT_WORK_LEADER","anchor":"division"},
                          {"action":"approve","role":"grade_leader","anchor":"division"}]}""");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json().get("custom").asBoolean()).isTrue();
        assertThat(changed.json().get("text").asText())
                .isEqualTo("REVIEW:STUDENT_WORK_LEADER@division, APPROVE:GRADE_LEADER@division");
        assertThat(api.get("affairs", "/api/audit/admin?limit=5").raw()).contains("SETTING_APPROVAL_CHAIN_CHANGED")
                .contains("approval-chain.class");

        long reviewed = create("teacher72", CLASS_72);
        JsonNode notice = api.get("teacher72", "/api/notices/" + reviewed).json();
        assertThat(notice.get("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(notice.get("approvals").findValuesAsText("role")).containsExactly("STUDENT_WORK_LEADER",
                "GRADE_LEADER");
        assertThat(notice.get("approvals").findValuesAsText("roleName")).containsExactly("德育主任", "年级组长");
        assertThat(api.get("grade7work", "/api/approvals/inbox").raw()).contains("\"id\":" + reviewed + ",");

        assertThat(api.delete("affairs", CHAINS + "/class")).isEqualTo(200);
        long plain = create("teacher72", CLASS_72);
        assertThat(api.get("teacher72", "/api/notices/" + plain).json().get("approvals").findValuesAsText("role"))
                .containsExactly("GRADE_LEADER");
        assertThat(api.get("teacher72", "/api/notices/" + reviewed).json().get("approvals")
                .findValuesAsText("role")).as("submitted with the old chain").hasSize(2);
        assertThat(api.post("grade7work", "/api/notices/" + reviewed + "/review", null).status()).isEqualTo(200);
        assertThat(api.post("grade7", "/api/notices/" + reviewed + "/approve", null).status()).isEqualTo(200);
        api.post("teacher72", "/api/notices/" + plain + "/cancel", "{\"reason\":\"测试结束\"}");
    }

    @Test
    void aChainWithoutAnApprovalOrWithAnUnknownRoleIsRefused() {
        assertField(api.put("affairs", CHAINS + "/class", "{\"steps\":[]}"), 422, "steps");
        assertField(api.put("affairs", CHAINS + "/class", "{}"), 422, "steps");
        assertField(api.put("affairs", CHAINS + "/emergency", "{\"steps\":[{\"action\":\"REVIEW\","
                + "\"role\":\"PRINCIPAL\",\"anchor\":\"school\"}]}"), 422, "steps");
        assertField(api.put("affairs", CHAINS + "/class", "{\"steps\":[{\"action\":\"APPROVE\","
                + "\"role\":\"JANITOR\",\"anchor\":\"division\"}]}"), 422, "steps[0].role");
        assertField(api.put("affairs", CHAINS + "/class", "{\"steps\":[{\"action\":\"APPROVE\","
                + "\"role\":\"GRADE_LEADER\",\"anchor\":\"division\"},{\"action\":\"APPROVE\","
                + "\"role\":\"HEAD_TEACHER\",\"anchor\":\"division\"}]}"), 422, "steps[1].role");
        assertField(api.put("affairs", CHAINS + "/class", "{\"steps\":[{\"action\":\"SIGN\","
                + "\"role\":\"GRADE_LEADER\",\"anchor\":\"division\"}]}"), 422, "steps[0].action");
        assertField(api.put("affairs", CHAINS + "/class", "{\"steps\":[{\"action\":\"APPROVE\","
                + "\"role\":\"GRADE_LEADER\",\"anchor\":\"moon\"}]}"), 422, "steps[0].anchor");
        Api.Response unknownKind = api.put("affairs", CHAINS + "/club", "{\"steps\":[{\"action\":\"APPROVE\","
                + "\"role\":\"GRADE_LEADER\",\"anchor\":\"division\"}]}");
        assertThat(unknownKind.status()).isEqualTo(404);
        assertThat(unknownKind.contentType()).contains("application/problem+json");
        assertThat(api.get("affairs", CHAINS + "/class").json().get("custom").asBoolean()).isFalse();
    }

    @Test
    void aChangeWrittenByAnotherInstanceIsPickedUpByTheReloadTimer() {
        assertThat(camel.getRoute("school-settings-reload")).as("the reload timer route").isNotNull();
        // As another gateway instance would: write the row, nothing else.
        jdbc.update("""
                insert into school_setting (name, value) values ('quiet-hours', '{"enabled":true,"start":"21:00","end":"06:30"}')""",
                Map.of());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode hours = quiet();
            assertThat(hours.get("start").asText()).isEqualTo("21:00");
            assertThat(hours.get("end").asText()).isEqualTo("06:30");
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private JsonNode quiet() {
        return api.get("affairs", QUIET).json();
    }

    private long create(String drafter, String audience) {
        Api.Response created = api.post(drafter, "/api/notices", Api.notice("测试通知", "请各位家长注意查收。", audience));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void assertField(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(r.json().get("detail").asText()).as("a Chinese reason").containsPattern("\\p{IsHan}");
    }
}
