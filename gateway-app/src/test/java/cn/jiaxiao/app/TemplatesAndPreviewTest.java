package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Template overrides are validated before they are stored; the preview shows every channel and the cost. */
class TemplatesAndPreviewTest extends GatewayTest {

    private static final String PATH = "/api/templates/EXAM_SCHEDULE/SMS_TEXT";

    @Test
    void anOverrideThatDoesNotCompileIsRefusedWithItsLine() {
        Api.Response refused = api.put("affairs", PATH, "{\"source\":\"【${signature}】\\n${salutation}您好：<#if>\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("field").asText()).isEqualTo("source");
        assertThat(refused.json().get("problems").get(0).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void anOverrideNamingAnUnknownVariableIsRefusedWithTheName() {
        Api.Response refused = api.put("affairs", PATH,
                "{\"source\":\"【${signature}】${salutation}您好：\\n请联系${teacherPhone}。\"}");
        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json().get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("reason").asText()).contains("teacherPhone");
    }

    @Test
    void aValidOverrideIsStoredVersionedAndOnlyTheSchoolLevelManagerMayDoIt() {
        String source = "{\"source\":\"【${signature}】${salutation}：${body}（考试安排）\"}";
        assertThat(api.put("teacher71", PATH, source).status()).isEqualTo(403);
        Api.Response saved = api.put("affairs", PATH, source);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.put("affairs", PATH, source).json().get("version").asInt())
                .isEqualTo(saved.json().get("version").asInt() + 1);
        assertThat(api.get("affairs", "/api/templates").raw()).contains("（考试安排）");
        assertThat(api.delete("affairs", PATH)).isEqualTo(204);
        assertThat(api.delete("affairs", PATH)).isEqualTo(404);
    }

    @Test
    void thePreviewRendersEveryChannelForAGuardianOfTheAudienceWithSegmentsAndCost() {
        String body = "本周五下午三点召开家长会，请准时参加。";
        Api.Response preview = api.post("teacher71", "/api/notices/preview",
                Api.notice("家长会通知", body, "{\"classes\":[\"7-1\"]}"));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        JsonNode json = preview.json();
        String sample = json.get("sampleRecipient").asText();
        assertThat(json.get("sms").get("text").asText()).startsWith("【示范中学】").contains("家长您好：" + body);
        assertThat(json.get("sms").get("encoding").asText()).isEqualTo("UCS2");
        assertThat(json.get("sms").get("segments").asInt()).isOne();
        assertThat(json.get("email").get("subject").asText()).isEqualTo("【示范中学】家长会通知");
        assertThat(json.get("email").get("text").asText()).contains(body);
        assertThat(json.get("push").get("title").asText()).isEqualTo("家长会通知");
        assertThat(sample).endsWith("家长");
        assertThat(json.get("estimate").get("recipients").asInt()).isPositive();
        assertThat(json.get("estimate").get("cost").decimalValue()).isPositive();

        assertThat(api.post("teacher71", "/api/notices/preview", Api.notice("通知", body, "{\"classes\":[\"7-2\"]}"))
                .status()).as("a preview reaches no further than sending would").isEqualTo(403);
        assertThat(api.post("teacher71", "/api/notices/preview", Api.notice("", body, "{\"classes\":[\"7-1\"]}"))
                .json().get("field").asText()).isEqualTo("title");
    }
}
