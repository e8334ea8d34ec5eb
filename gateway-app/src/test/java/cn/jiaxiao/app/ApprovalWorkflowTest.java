package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.routes.workflow.NoticeWorkflow;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 谁审批,谁负责 (school-rules §2): each chain, each refusal, quiet hours, escalation, and the audit trail. */
class ApprovalWorkflowTest extends GatewayTest {

    private static final String SCHOOL = "{\"school\":true}";

    @Autowired
    NoticeWorkflow workflow;

    @AfterEach
    void backToSchoolHours() {
        clock.toSchoolHours();
    }

    @Test
    void aSchoolWideNoticeIsReviewedByStudentAffairsThenApprovedByThePrincipal() {
        long id = create("office", SCHOOL, null);
        assertThat(status(id)).isEqualTo("PENDING_REVIEW");
        Api.Response early = api.post("principal", "/api/notices/" + id + "/approve", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("审核");
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status())
                .as("out of his scope: not even visible").isEqualTo(404);
        assertThat(api.post("teacher71", "/api/notices/" + id + "/review", null).status()).isEqualTo(404);
        assertThat(api.post("affairs", "/api/notices/" + id + "/review", "{\"comment\":\"内容无误\"}").status())
                .isEqualTo(200);
        assertThat(status(id)).isEqualTo("PENDING_APPROVAL");
        assertThat(api.post("principal", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        JsonNode sent = awaitStatus(id, "SENT");
        assertThat(sent.get("approvals").findValuesAsText("username")).containsExactly("affairs", "principal");
        assertThat(api.get("principal", "/api/notices/" + id + "/audit").json().findValuesAsText("action"))
                .containsSubsequence("SUBMITTED", "REVIEWED", "APPROVED", "RELEASED", "SENDING", "SENT");
    }

    @Test
    void aDivisionNoticeIsReviewedApprovedAndFiledWithStudentAffairs() {
        long id = create("teacher71", "{\"classes\":[\"7-1\"]}", null);
        assertThat(api.get("affairs", "/api/approvals/inbox").raw()).doesNotContain("\"id\":" + id + ",");
        long division = create("grade7work", "{\"units\":[\"g7\"]}", null);
        JsonNode chain = api.get("grade7work", "/api/notices/" + division).json().get("approvals");
        assertThat(chain.findValuesAsText("role")).as("the drafter can't review his own: that review is left out")
                .containsExactly("GRADE_LEADER");
        assertThat(api.post("grade7work", "/api/notices/" + division + "/review", null).status()).isEqualTo(403);
        assertThat(api.get("grade7", "/api/approvals/inbox").raw()).contains("\"id\":" + id + ",");
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
    }

    @Test
    void aDepartmentsFiledRequestNeedsItsChainRegistrationAndItsSendersRelease() {
        Api.Response withoutReason = api.post("logistics", "/api/notices", Api.notice("停水通知", "明天停水。", SCHOOL));
        assertThat(withoutReason.status()).isEqualTo(403);
        assertThat(withoutReason.json().get("detail").asText()).contains("书面申请");

        long id = create("logistics", SCHOOL, "管道维修，须提前告知全校家长");
        JsonNode notice = api.get("logistics", "/api/notices/" + id).json();
        assertThat(notice.get("requestReason").asText()).contains("管道维修");
        assertThat(notice.get("approvals").findValuesAsText("action")).containsExactly("REVIEW", "APPROVE", "REGISTER");
        assertThat(api.post("logisticshead", "/api/notices/" + id + "/review", null).status()).isEqualTo(200);
        assertThat(api.post("principal", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("PENDING_APPROVAL");
        assertThat(api.post("affairs", "/api/notices/" + id + "/approve", "{\"comment\":\"已登记备案\"}").status())
                .isEqualTo(200);
        assertThat(status(id)).as("approved and registered, but not sent until released").isEqualTo("APPROVED");
        assertThat(api.get("logistics", "/api/approvals/inbox").json().get("toRelease").toString())
                .contains("\"id\":" + id + ",");
        assertThat(api.post("office", "/api/notices/" + id + "/release", null).status()).isEqualTo(403);
        assertThat(api.post("logistics", "/api/notices/" + id + "/release", null).status()).isEqualTo(200);
        awaitStatus(id, "SENT");
        assertThat(api.post("logistics", "/api/notices/" + id + "/release", null).status()).isEqualTo(409);
    }

    @Test
    void anEmergencyGoesOutAtHalfPastElevenWhileAnOrdinaryNoticeWaitsUntilSeven() {
        long emergency = api.post("office", "/api/notices", "{\"title\":\"暴雨停课\",\"body\":\"因暴雨红色预警，明日全校停课。\","
                + "\"kind\":\"EMERGENCY\",\"audience\":{\"classes\":[\"8-1\"]},\"channels\":[\"SMS\"]}").json()
                .get("id").asLong();
        assertThat(api.get("office", "/api/notices/" + emergency).json().get("approvals")
                .findValuesAsText("role")).containsExactly("PRINCIPAL");
        assertThat(api.post("teacher71", "/api/notices", "{\"title\":\"t\",\"body\":\"b\",\"kind\":\"EMERGENCY\","
                + "\"audience\":{\"classes\":[\"7-1\"]},\"channels\":[\"SMS\"]}").json().get("field").asText())
                .isEqualTo("kind");
        long ordinary = create("teacher72", "{\"classes\":[\"7-2\"]}", null);

        clock.setLocal(LocalTime.of(23, 30));
        assertThat(api.post("principal", "/api/notices/" + emergency + "/approve", null).status()).isEqualTo(200);
        assertThat(api.post("grade7", "/api/notices/" + ordinary + "/approve", null).status()).isEqualTo(200);
        awaitStatus(emergency, "SENT");
        JsonNode waiting = api.get("teacher72", "/api/notices/" + ordinary).json();
        assertThat(waiting.get("status").asText()).isEqualTo("SCHEDULED");
        Instant sendAt = Instant.parse(waiting.get("sendAt").asText());
        assertThat(sendAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalTime()).isEqualTo(LocalTime.of(7, 0));

        clock.setLocal(LocalTime.of(6, 59));
        assertThat(workflow.releaseDueScheduled()).doesNotContain(ordinary);
        clock.setLocal(LocalTime.of(7, 0, 5));
        awaitStatus(ordinary, "SENT");
    }

    @Test
    void selfApprovalAndApprovalOfEditedContentAreRefused() {
        long id = create("office", SCHOOL, null);
        assertThat(api.post("office", "/api/notices/" + id + "/review", null).status()).isEqualTo(403);
        String reviewedHash = api.get("office", "/api/notices/" + id).json().get("contentHash").asText();
        assertThat(api.post("affairs", "/api/notices/" + id + "/review", null).status()).isEqualTo(200);

        Api.Response edited = api.put("office", "/api/notices/" + id,
                Api.notice("测试通知（修改）", "内容已修改。", SCHOOL));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("status").asText()).as("an edit restarts the chain").isEqualTo("PENDING_REVIEW");
        assertThat(edited.json().get("approvals").findValuesAsText("username")).isEmpty();
        assertThat(api.post("principal", "/api/notices/" + id + "/approve", null).status()).isEqualTo(409);
        assertThat(api.post("affairs", "/api/notices/" + id + "/review",
                "{\"contentHash\":\"" + reviewedHash + "\"}").status()).as("bound to the content seen").isEqualTo(409);
    }

    @Test
    void aRejectedNoticeIsEditedAndResubmittedFromTheStartOfItsChain() {
        long id = create("teacher71", "{\"classes\":[\"7-1\"]}", null);
        Api.Response noReason = api.post("grade7", "/api/notices/" + id + "/reject", "{}");
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        assertThat(api.post("grade7", "/api/notices/" + id + "/reject", "{\"reason\":\"时间写错了\"}").status())
                .isEqualTo(200);
        JsonNode rejected = api.get("teacher71", "/api/notices/" + id).json();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("时间写错了");
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(409);

        assertThat(api.put("teacher71", "/api/notices/" + id, Api.notice("测试通知", "时间改为周五。",
                "{\"classes\":[\"7-1\"]}")).json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(api.post("teacher71", "/api/notices/" + id + "/submit", null).json().get("status").asText())
                .isEqualTo("PENDING_APPROVAL");
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
    }

    @Test
    void draftsWaitForSubmissionAndAnyoneInTheChainCanCancelBeforeSending() {
        Api.Response draft = api.post("teacher71", "/api/notices", "{\"title\":\"草稿\",\"body\":\"草稿内容。\","
                + "\"audience\":{\"classes\":[\"7-1\"]},\"channels\":[\"SMS\"],\"draft\":true}");
        assertThat(draft.json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.json().get("estimate").get("recipients").asInt()).isPositive();
        long id = draft.json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(409);
        assertThat(api.post("teacher72", "/api/notices/" + id + "/cancel", null).status()).isEqualTo(404);
        assertThat(api.post("teacher71", "/api/notices/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(api.post("grade7", "/api/notices/" + id + "/cancel", "{\"reason\":\"重复通知\"}").json()
                .get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.post("teacher71", "/api/notices/" + id + "/cancel", null).status()).isEqualTo(409);
    }

    @Test
    void approversSeeTheRecipientCountAndCostBeforeDeciding() {
        long id = create("teacher71", "{\"classes\":[\"7-1\"]}", null);
        JsonNode estimate = api.get("grade7", "/api/approvals/inbox").json().get("toDecide")
                .findParents("notice").stream().map(n -> n.get("notice"))
                .filter(n -> n.get("id").asLong() == id).findFirst().orElseThrow().get("estimate");
        assertThat(estimate.get("recipients").asInt()).isGreaterThan(40);
        assertThat(estimate.get("cost").decimalValue()).isPositive();
    }

    @Test
    void aStepWaitingTooLongGoesUpToThePrincipal() {
        long id = create("teacher72", "{\"classes\":[\"7-2\"]}", null);
        clock.advance(Duration.ofHours(25));
        assertThat(workflow.escalateOverdue(Duration.ofHours(24))).isPositive();
        JsonNode step = api.get("teacher72", "/api/notices/" + id).json().get("approvals").get(0);
        assertThat(step.get("role").asText()).isEqualTo("PRINCIPAL");
        assertThat(step.get("escalatedAt").isNull()).isFalse();
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(403);
        assertThat(api.post("principal", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
    }

    @Test
    void theAuditTrailVerifiesAndDetectsARowChangedByHand() {
        create("teacher71", "{\"classes\":[\"7-1\"]}", null);
        JsonNode ok = api.get("principal", "/api/audit/verify").json();
        assertThat(ok.get("intact").asBoolean()).isTrue();
        assertThat(api.get("teacher71", "/api/audit/verify").status()).isEqualTo(403);

        Map<String, Object> row = jdbc.queryForMap("select id, action from audit_event order by id limit 1", Map.of());
        jdbc.update("alter table audit_event disable trigger user", Map.of());
        try {
            jdbc.update("update audit_event set action = 'APPROVED' where id = :id", Map.of("id", row.get("id")));
            JsonNode broken = api.get("principal", "/api/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(((Number) row.get("id")).longValue());
        } finally {
            jdbc.update("update audit_event set action = :action where id = :id", row);
            jdbc.update("alter table audit_event enable trigger user", Map.of());
        }
        assertThat(api.get("principal", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anyDeliveredMessageAnswersWhoDraftedReviewedAndApproved() {
        long id = create("office", SCHOOL, null);
        api.post("affairs", "/api/notices/" + id + "/review", null);
        api.post("principal", "/api/notices/" + id + "/approve", null);
        awaitStatus(id, "SENT");
        long messageId = api.get("office", "/api/notices/" + id + "/deliveries?limit=1").json().get("items").get(0)
                .get("id").asLong();
        JsonNode archived = api.get("office", "/api/archive/messages/" + messageId).json();
        assertThat(archived.get("drafted_by").asText()).isEqualTo("office");
        assertThat(archived.get("reviewed_by").asText()).isEqualTo("affairs");
        assertThat(archived.get("approved_by").asText()).isEqualTo("principal");
        assertThat(archived.get("approved_at").isNull()).isFalse();
        assertThat(api.get("teacher71", "/api/archive/messages/" + messageId).status()).isEqualTo(404);
    }

    private long create(String drafter, String audience, String requestReason) {
        String json = Api.notice("测试通知", "请各位家长注意查收。" + marker(), audience);
        if (requestReason != null) {
            json = json.substring(0, json.length() - 1) + ",\"requestReason\":\"" + requestReason + "\"}";
        }
        Api.Response created = api.post(drafter, "/api/notices", json);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private String status(long id) {
        return api.get("principal", "/api/notices/" + id).json().get("status").asText();
    }

    private JsonNode awaitStatus(long id, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("principal", "/api/notices/" + id).json(),
                        n -> n.get("status").asText().equals(status));
    }
}
