package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every notice is checked before it goes to its approvers (school-rules §3). */
class ContentInNoticeFlowTest extends GatewayTest {

    private static final String CLASS_71 = "{\"classes\":[\"7-1\"]}";

    @Test
    void aBlockingFindingRefusesSubmissionWith422AndPointsAtTheText() {
        String body = "周末同学聚会，大家一起赌 博，输了请客。";
        long before = count();
        Api.Response refused = api.post("teacher71", "/api/notices", Api.notice("周末活动", body, CLASS_71));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode finding = refused.json().get("findings").get(0);
        assertThat(finding.get("field").asText()).isEqualTo("body");
        assertThat(finding.get("severity").asText()).isEqualTo("BLOCK");
        assertThat(body.substring(finding.get("start").asInt(), finding.get("end").asInt())).isEqualTo("赌 博");
        assertThat(count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aTypoIsRefusedWithItsCorrectionAndTheFixedTextPasses() {
        Api.Response typo = api.post("teacher71", "/api/notices",
                Api.notice("安装通知", "请家长帮助孩子按装学习软件。", CLASS_71));
        assertThat(typo.status()).isEqualTo(422);
        assertThat(typo.json().get("findings").findValuesAsText("suggestion")).contains("安装");
        assertThat(api.post("teacher71", "/api/notices", Api.notice("安装通知", "请家长帮助孩子安装学习软件。",
                CLASS_71)).status()).isEqualTo(201);
    }

    @Test
    void warningsMustBeAcknowledgedAndAreShownToTheApprover() {
        String body = "如有疑问请联系13912345678。";
        Api.Response unacknowledged = api.post("teacher71", "/api/notices", Api.notice("联系方式", body, CLASS_71));
        assertThat(unacknowledged.status()).isEqualTo(422);
        assertThat(unacknowledged.json().get("field").asText()).isEqualTo("acknowledgeWarnings");
        String acknowledged = Api.notice("联系方式", body, CLASS_71);
        acknowledged = acknowledged.substring(0, acknowledged.length() - 1) + ",\"acknowledgeWarnings\":true}";
        Api.Response created = api.post("teacher71", "/api/notices", acknowledged);
        assertThat(created.status()).isEqualTo(201);
        JsonNode seen = api.get("grade7", "/api/notices/" + created.json().get("id").asLong()).json();
        assertThat(seen.get("findings")).isNotEmpty();
        assertThat(seen.get("findings").get(0).get("severity").asText()).isEqualTo("WARN");
    }

    @Test
    void aDraftMayHoldFindingsButCannotBeSubmittedWithThem() {
        String json = "{\"title\":\"草稿\",\"body\":\"期中考试成绩排名：第一名张三 98分，第二名李四 95分。\","
                + "\"audience\":" + CLASS_71 + ",\"channels\":[\"SMS\"],\"draft\":true}";
        Api.Response draft = api.post("teacher71", "/api/notices", json);
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().get("findings").findValuesAsText("category")).contains("RANKING");
        long id = draft.json().get("id").asLong();
        assertThat(api.post("teacher71", "/api/notices/" + id + "/submit", null).status()).isEqualTo(422);
        assertThat(api.get("teacher71", "/api/notices/" + id).json().get("status").asText()).isEqualTo("DRAFT");
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from notice", Map.of(), Long.class);
    }
}
