package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The content check (school-rules §3) and the school's lists behind it: POST /api/content/check for any staff
 * member, the lists for the school-level account manager only, each change audited and picked up without restart.
 */
class ContentApiTest extends GatewayTest {

    @Autowired
    private CamelContext camel;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLEAN = "各位家长：本周五下午3:30召开初二年级家长会，地点在各班教室，请准时参加。【示范中学】";

    /** What a test added, removed again afterwards: the context is shared with other test classes. */
    private final List<String> cleanup = new ArrayList<>();

    @AfterEach
    void putBack() {
        cleanup.forEach(path -> api.delete("affairs", path));
        cleanup.clear();
    }

    @Test
    void aCleanNoticePasses() {
        Api.Response r = check("teacher71", CLEAN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("verdict").asText()).isEqualTo("PASS");
        assertThat(r.json().get("findings")).isEmpty();
        assertThat(r.json().get("listsVersion").asText()).startsWith("db-");
    }

    @Test
    void aBannedTermWithInsertedSpacesBlocksWithOffsetsIntoTheOriginalText() {
        String text = "周末家长们一起去赌 博，名额有限。";
        Api.Response r = check("teacher71", text);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("verdict").asText()).isEqualTo("BLOCK");
        JsonNode f = finding(r, n -> n.get("rule").asText().equals("banned.term"));
        assertThat(f.get("category").asText()).isEqualTo("OBSCENE_GAMBLING_VIOLENCE");
        assertThat(f.get("severity").asText()).isEqualTo("BLOCK");
        assertThat(f.get("start").asInt()).isEqualTo(text.indexOf("赌"));
        assertThat(f.get("end").asInt()).isEqualTo(text.indexOf("博") + 1);
        assertThat(f.get("match").asText()).isEqualTo("赌 博")
                .isEqualTo(text.substring(f.get("start").asInt(), f.get("end").asInt()));

        assertThat(check("teacher71", "请家长教育孩子远离赌博。").json().get("verdict").asText())
                .as("safety education is not an offence").isEqualTo("PASS");
    }

    @Test
    void aTypoComesWithItsCorrection() {
        String text = "请各位家长按装国家中小学智慧教育平台。";
        Api.Response r = check("teacher71", text);
        assertThat(r.json().get("verdict").asText()).isEqualTo("BLOCK");
        JsonNode f = finding(r, n -> n.get("category").asText().equals("TYPO"));
        assertThat(f.get("match").asText()).isEqualTo("按装");
        assertThat(f.get("suggestion").asText()).isEqualTo("安装");
        assertThat(f.get("start").asInt()).isEqualTo(text.indexOf("按装"));
        assertThat(f.get("rule").asText()).isEqualTo("typo.curated");
    }

    @Test
    void theSignatureIsCheckedWhenGiven() {
        Api.Response r = api.post("teacher71", "/api/content/check",
                "{\"text\":\"明天停课一天。\",\"signature\":\"示范中学\"}");
        assertThat(r.json().get("verdict").asText()).isEqualTo("WARN");
        assertThat(finding(r, n -> n.get("rule").asText().equals("hygiene.signature")).get("suggestion").asText())
                .isEqualTo("【示范中学】");
    }

    @Test
    void theTextIsRequiredAndLimited() {
        Api.Response missing = api.post("teacher71", "/api/content/check", "{\"signature\":\"示范中学\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).contains("application/problem+json");
        assertThat(missing.json().get("field").asText()).isEqualTo("text");
        Api.Response blank = check("teacher71", "   ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("field").asText()).isEqualTo("text");
        Api.Response tooLong = check("teacher71", "好".repeat(5001));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asText()).isEqualTo("text");
        assertThat(check("teacher71", "好".repeat(5000)).status()).isEqualTo(200);
        assertThat(api.as(null, null, null, "POST", "/api/content/check", "{\"text\":\"你好\"}").status())
                .isEqualTo(401);
    }

    @Test
    void aTermTheManagerAddsBlocksWithoutRestartAndIsAudited() {
        String text = "本周五晚上组织学生去蹦迪，费用自理。";
        assertThat(check("teacher71", text).json().get("verdict").asText()).isNotEqualTo("BLOCK");
        long before = version();

        Api.Response added = api.post("affairs", "/api/content/terms",
                "{\"category\":\"NEGATIVE\",\"term\":\"蹦迪\",\"suggestion\":null}");
        assertThat(added.status()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        cleanup.add("/api/content/terms/" + id);
        assertThat(added.json().get("category").asText()).isEqualTo("NEGATIVE");
        assertThat(added.json().get("severity").asText()).isEqualTo("BLOCK");
        assertThat(version()).isGreaterThan(before);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Api.Response r = check("teacher71", text);
            assertThat(r.json().get("verdict").asText()).isEqualTo("BLOCK");
            JsonNode f = finding(r, n -> n.get("match").asText().equals("蹦迪"));
            assertThat(f.get("category").asText()).isEqualTo("NEGATIVE");
            assertThat(f.get("start").asInt()).isEqualTo(text.indexOf("蹦迪"));
        });
        assertThat(api.get("affairs", "/api/content/terms?category=NEGATIVE").raw()).contains("蹦迪");

        Api.Response log = api.get("affairs", "/api/audit/admin?limit=20");
        assertThat(log.raw()).contains("CONTENT_TERM_ADDED").contains("NEGATIVE/蹦迪");

        assertThat(api.delete("affairs", "/api/content/terms/" + id)).isEqualTo(204);
        cleanup.clear();
        assertThat(check("teacher71", text).json().get("verdict").asText()).isNotEqualTo("BLOCK");
        assertThat(api.get("affairs", "/api/audit/admin?limit=20").raw()).contains("CONTENT_TERM_REMOVED");
        assertThat(api.delete("affairs", "/api/content/terms/" + id)).isEqualTo(404);
    }

    @Test
    void anEditMadeByAnotherInstanceIsPickedUpByTheReloadTimer() {
        String text = "周六上午请带孩子参加团建撸串活动。";
        assertThat(check("teacher71", text).json().get("verdict").asText()).isNotEqualTo("BLOCK");
        // As another gateway instance would: change the rows and bump the version, nothing else.
        Long id = jdbc.queryForObject("""
                insert into content_term (category, term, severity) values ('SCHOOL_IMAGE', '撸串', 'BLOCK')
                returning id""", Map.of(), Long.class);
        cleanup.add("/api/content/terms/" + id);
        jdbc.update("update content_list_version set version = version + 1, changed_at = now()", Map.of());

        assertThat(camel.getRoute("content-lists-reload")).as("the reload timer route").isNotNull();
        await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(check("teacher71", text).json().get("verdict").asText()).isEqualTo("BLOCK"));
    }

    @Test
    void aWhitelistedPhraseIsNoFinding() {
        Api.Response term = api.post("affairs", "/api/content/terms",
                "{\"category\":\"COMMERCIAL\",\"term\":\"抢券\",\"severity\":\"BLOCK\"}");
        assertThat(term.status()).isEqualTo(201);
        cleanup.add("/api/content/terms/" + term.json().get("id").asLong());
        String text = "本周三下午举办抢券题型讲座，欢迎家长旁听。";
        assertThat(check("teacher71", text).json().get("verdict").asText()).isEqualTo("BLOCK");

        Api.Response phrase = api.post("affairs", "/api/content/whitelist", "{\"phrase\":\"抢券题型\"}");
        assertThat(phrase.status()).isEqualTo(201);
        assertThat(phrase.json().get("phrase").asText()).isEqualTo("抢券题型");
        cleanup.add(0, "/api/content/whitelist/" + phrase.json().get("id").asLong());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Api.Response r = check("teacher71", text);
            assertThat(r.json().get("verdict").asText()).isEqualTo("PASS");
            assertThat(r.json().get("findings")).isEmpty();
        });
        assertThat(api.get("affairs", "/api/content/whitelist").raw()).contains("抢券题型");
        assertThat(api.get("affairs", "/api/audit/admin?limit=20").raw()).contains("CONTENT_WHITELIST_ADDED");
    }

    @Test
    void anAllowedDomainIsNoUnknownLink() {
        String text = "成绩查询请登录 https://jw.shifan-school.edu.cn/query 。";
        assertThat(check("teacher71", text).raw()).contains("UNKNOWN_LINK");
        Api.Response d = api.post("affairs", "/api/content/allowed-domains", "{\"domain\":\"Shifan-School.edu.cn\"}");
        assertThat(d.status()).isEqualTo(201);
        assertThat(d.json().get("domain").asText()).isEqualTo("shifan-school.edu.cn");
        cleanup.add("/api/content/allowed-domains/" + d.json().get("id").asLong());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(check("teacher71", text).raw()).doesNotContain("UNKNOWN_LINK"));
        Api.Response bad = api.post("affairs", "/api/content/allowed-domains", "{\"domain\":\"http://x.cn/a\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("domain");
    }

    @Test
    void onlyTheSchoolLevelAccountManagerEditsTheLists() {
        for (String user : List.of("teacher71", "grade7")) {
            assertThat(api.get(user, "/api/content/terms").status()).as(user).isEqualTo(403);
            Api.Response post = api.post(user, "/api/content/terms", "{\"category\":\"INSULT\",\"term\":\"笨笨\"}");
            assertThat(post.status()).as(user).isEqualTo(403);
            assertThat(post.contentType()).contains("application/problem+json");
            assertThat(api.delete(user, "/api/content/terms/1")).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/content/whitelist").status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/content/whitelist", "{\"phrase\":\"路口交通\"}").status()).isEqualTo(403);
            assertThat(api.delete(user, "/api/content/whitelist/1")).as(user).isEqualTo(403);
            assertThat(api.get(user, "/api/content/allowed-domains").status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/content/allowed-domains", "{\"domain\":\"a.cn\"}").status())
                    .isEqualTo(403);
        }
        assertThat(api.get("affairs", "/api/content/terms?category=TYPO").status()).isEqualTo(200);
    }

    @Test
    void badInputNamesTheField() {
        long before = version();
        Api.Response category = api.post("affairs", "/api/content/terms", "{\"category\":\"GOSSIP\",\"term\":\"八卦\"}");
        assertThat(category.status()).isEqualTo(400);
        assertThat(category.contentType()).contains("application/problem+json");
        assertThat(category.json().get("field").asText()).isEqualTo("category");
        Api.Response blank = api.post("affairs", "/api/content/terms", "{\"category\":\"INSULT\",\"term\":\"  \"}");
        assertThat(blank.json().get("field").asText()).isEqualTo("term");
        Api.Response tooLong = api.post("affairs", "/api/content/terms",
                "{\"category\":\"INSULT\",\"term\":\"" + "笨".repeat(101) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asText()).isEqualTo("term");
        Api.Response typo = api.post("affairs", "/api/content/terms", "{\"category\":\"TYPO\",\"term\":\"坐业\"}");
        assertThat(typo.json().get("field").asText()).isEqualTo("suggestion");
        Api.Response severity = api.post("affairs", "/api/content/terms",
                "{\"category\":\"INSULT\",\"term\":\"笨笨\",\"severity\":\"LOUD\"}");
        assertThat(severity.json().get("field").asText()).isEqualTo("severity");
        assertThat(api.get("affairs", "/api/content/terms?category=GOSSIP").json().get("field").asText())
                .isEqualTo("category");
        Api.Response duplicate = api.post("affairs", "/api/content/terms", "{\"category\":\"TYPO\",\"term\":\"按装\","
                + "\"suggestion\":\"安装\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(api.delete("affairs", "/api/content/terms/abc")).isEqualTo(400);
        assertThat(version()).as("no change was made").isEqualTo(before);
    }

    @Test
    void theListsSummaryCountsPerCategory() {
        Api.Response r = api.get("teacher71", "/api/content/lists");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("version").asLong()).isPositive();
        assertThat(r.json().get("termCount").asInt()).isGreaterThan(400);
        JsonNode categories = r.json().get("categories");
        assertThat(categories.get("TYPO").asInt()).isPositive();
        assertThat(categories.get("OBSCENE_GAMBLING_VIOLENCE").asInt()).isPositive();
        int sum = 0;
        for (JsonNode n : categories) {
            sum += n.asInt();
        }
        assertThat(sum).isEqualTo(r.json().get("termCount").asInt());
        assertThat(r.json().get("whitelistCount").asInt()).isPositive();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private Api.Response check(String user, String text) {
        try {
            return api.post(user, "/api/content/check", "{\"text\":" + JSON.writeValueAsString(text) + "}");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long version() {
        return api.get("affairs", "/api/content/lists").json().get("version").asLong();
    }

    private static JsonNode finding(Api.Response r, Predicate<JsonNode> which) {
        for (JsonNode f : r.json().get("findings")) {
            if (which.test(f)) {
                return f;
            }
        }
        throw new AssertionError("no such finding in " + r.raw());
    }
}
