package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 7: a drafter over his SMS quota, or guardians over their daily cap, are refused before anything is queued. */
class QuotaTest extends GatewayTest {

    @AfterEach
    void putQuotasBack() {
        api.delete("grade7", "/api/quotas/accounts/" + accountId("teacher71"));
        api.delete("affairs", "/api/quotas/accounts/" + accountId("office"));
        api.delete("affairs", "/api/quotas/units/" + unitId("school"));
    }

    @Test
    void aTeacherOverHisDailyQuotaIsRefusedBeforeAnythingIsQueued() {
        long teacher = accountId("teacher71");
        Api.Response set = api.put("grade7", "/api/quotas/accounts/" + teacher, "{\"dailySms\":10}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("dailySms").asInt()).isEqualTo(10);

        String title = "额度" + marker();
        Api.Response refused = api.post("teacher71", "/api/notices", Api.notice(title, "请各位家长注意查收。",
                "{\"classes\":[\"7-1\"]}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("短信额度不足");
        JsonNode quota = refused.json().get("quota").get(0);
        assertThat(quota.get("scope").asText()).isEqualTo("ACCOUNT");
        assertThat(quota.get("name").asText()).isEqualTo("七(1)班刘老师");
        assertThat(quota.get("period").asText()).isEqualTo("DAY");
        assertThat(quota.get("limit").asInt()).isEqualTo(10);
        // the shared test context may have used more than 10 today already: remaining never goes below zero
        assertThat(quota.get("remaining").asLong()).isEqualTo(Math.max(0, 10 - quota.get("used").asLong()));
        assertThat(quota.get("needed").asInt()).isGreaterThan(10);
        assertThat(refused.json().get("detail").asText()).contains("今日额度 10 条", "紧急通知不受额度限制");
        assertThat(noticesTitled(title)).as("not even stored").isZero();
        assertThat(messagesOfNoticesTitled(title)).isZero();

        // A draft is kept; submitting it is refused and leaves it a draft with nothing queued.
        Api.Response draft = api.post("teacher71", "/api/notices", "{\"title\":\"" + title + "\",\"body\":\"草稿内容。\","
                + "\"audience\":{\"classes\":[\"7-1\"]},\"channels\":[\"SMS\"],\"draft\":true}");
        long id = draft.json().get("id").asLong();
        assertThat(api.post("teacher71", "/api/notices/" + id + "/submit", null).status()).isEqualTo(422);
        assertThat(status(id)).isEqualTo("DRAFT");

        // Within quota: accepted, approved, sent, and counted.
        assertThat(api.put("grade7", "/api/quotas/accounts/" + teacher, "{\"dailySms\":1000,\"monthlySms\":20000}")
                .status()).isEqualTo(200);
        assertThat(api.post("teacher71", "/api/notices/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(api.post("grade7", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        awaitStatus(id, "SENT");
        assertThat(messagesOfNoticesTitled(title)).isPositive();
        JsonNode mine = api.get("teacher71", "/api/quotas/me").json();
        JsonNode today = mine.get("account").get("use").get(0);
        assertThat(today.get("period").asText()).isEqualTo("DAY");
        assertThat(today.get("limit").asInt()).isEqualTo(1000);
        assertThat(today.get("used").asLong()).isGreaterThanOrEqualTo(messagesOfNoticesTitled(title));
        assertThat(today.get("remaining").asLong()).isEqualTo(1000 - today.get("used").asLong());
        assertThat(java.util.stream.StreamSupport.stream(mine.get("units").spliterator(), false).map(u -> u.get("name").asText()))
                .containsExactly("七年级1班", "七年级", "示范中学");
        assertThat(mine.get("emergencyExempt").asBoolean()).isTrue();
    }

    @Test
    void anEmergencyIsExemptFromEveryQuota() {
        assertThat(api.put("affairs", "/api/quotas/accounts/" + accountId("office"), "{\"dailySms\":1}").status())
                .isEqualTo(200);
        Api.Response ordinary = api.post("office", "/api/notices", Api.notice("测试通知", "请各位家长注意查收。",
                "{\"classes\":[\"8-1\"]}"));
        assertThat(ordinary.status()).isEqualTo(422);

        Api.Response emergency = api.post("office", "/api/notices", "{\"title\":\"暴雨停课\","
                + "\"body\":\"因暴雨红色预警，明日全校停课。\",\"kind\":\"EMERGENCY\","
                + "\"audience\":{\"classes\":[\"8-1\"]},\"channels\":[\"SMS\"]}");
        assertThat(emergency.status()).isEqualTo(201);
        long id = emergency.json().get("id").asLong();
        assertThat(api.post("principal", "/api/notices/" + id + "/approve", null).status()).isEqualTo(200);
        awaitStatus(id, "SENT");
    }

    @Test
    void onlyTheResponsibleAccountManagerSetsAQuota() {
        long teacher72 = accountId("teacher72");
        assertThat(api.put("teacher71", "/api/quotas/accounts/" + teacher72, "{\"dailySms\":1}").status())
                .isEqualTo(403);
        assertThat(api.get("teacher71", "/api/quotas").status()).isEqualTo(403);
        assertThat(api.put("grade7", "/api/quotas/accounts/" + accountId("grade7"), "{\"dailySms\":1}").status())
                .as("a division's own manager is set by the school level").isEqualTo(403);
        assertThat(api.put("grade7", "/api/quotas/units/" + unitId("g7"), "{\"dailySms\":1}").status())
                .as("unit quotas are the school level's").isEqualTo(403);
        assertThat(api.put("affairs", "/api/quotas/accounts/999999", "{\"dailySms\":1}").status()).isEqualTo(404);
        assertThat(api.get("grade7", "/api/quotas?unitId=" + unitId("school")).status()).isEqualTo(404);

        Api.Response negative = api.put("grade7", "/api/quotas/accounts/" + accountId("teacher71"), "{\"dailySms\":-5}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asText()).isEqualTo("dailySms");
        Api.Response text = api.put("grade7", "/api/quotas/accounts/" + accountId("teacher71"), "{\"monthlySms\":\"多\"}");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("field").asText()).isEqualTo("monthlySms");

        assertThat(java.util.stream.StreamSupport.stream(api.get("grade7", "/api/quotas").json().get("accounts").spliterator(), false).map(u -> u.get("name").asText()))
                .contains("七(1)班刘老师").doesNotContain("七年级赵主任");
        assertThat(api.put("affairs", "/api/quotas/accounts/" + accountId("office"), "{\"dailySms\":500}").status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from admin_audit where action = 'QUOTA_SET' and target = 'office'",
                Map.of(), Integer.class)).isPositive();
    }

    @Test
    void guardiansWhoGotTheirDailyNoticesAlreadyAreNotSentMore() {
        long first = api.post("teacher72", "/api/notices", Api.notice("测试通知", "请各位家长注意查收。" + marker(),
                "{\"classes\":[\"7-2\"]}")).json().get("id").asLong();
        assertThat(api.post("grade7", "/api/notices/" + first + "/approve", null).status()).isEqualTo(200);
        awaitStatus(first, "SENT");

        Api.Response cap = api.put("affairs", "/api/quotas/units/" + unitId("school"), "{\"recipientDailyMessages\":1}");
        assertThat(cap.status()).isEqualTo(200);
        assertThat(api.put("affairs", "/api/quotas/units/" + unitId("g7"), "{\"recipientDailyMessages\":1}").json()
                .get("field").asText()).isEqualTo("recipientDailyMessages");
        String title = "上限" + marker();
        Api.Response refused = api.post("teacher72", "/api/notices", Api.notice(title, "请各位家长注意查收。",
                "{\"classes\":[\"7-2\"]}"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("title").asText()).isEqualTo("家长今日接收通知已达上限");
        assertThat(refused.json().get("cap").asInt()).isEqualTo(1);
        assertThat(refused.json().get("recipients").asInt()).isPositive();
        assertThat(refused.json().get("detail").asText()).contains("每位家长每天最多 1 条");
        assertThat(noticesTitled(title)).isZero();
    }

    private long accountId(String username) {
        return jdbc.queryForObject("select id from staff_account where username = :u", Map.of("u", username), Long.class);
    }

    private long unitId(String code) {
        return jdbc.queryForObject("select id from unit where code = :c", Map.of("c", code), Long.class);
    }

    private int noticesTitled(String title) {
        return jdbc.queryForObject("select count(*) from notice where title = :t", Map.of("t", title), Integer.class);
    }

    private long messagesOfNoticesTitled(String title) {
        return jdbc.queryForObject("""
                select count(*) from outbound_message m join notice n on n.id = m.notice_id where n.title = :t""",
                Map.of("t", title), Long.class);
    }

    private String status(long id) {
        return api.get("principal", "/api/notices/" + id).json().get("status").asText();
    }

    private void awaitStatus(long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status(id).equals(status));
    }
}
