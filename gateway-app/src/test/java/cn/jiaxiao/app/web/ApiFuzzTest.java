package cn.jiaxiao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.app.support.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated JSON bodies to the API's main writing endpoints: never a 500, every 4xx is
 * problem+json, and rows appear only for the requests answered 201 (nothing half-written). A seeded
 * random, so a failure repeats; {@code -Djiaxiao.fuzz.runs=2000} (and {@code -Djiaxiao.fuzz.seed}) for more.
 */
class ApiFuzzTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = Integer.getInteger("jiaxiao.fuzz.runs", 20);
    private static final long SEED = Long.getLong("jiaxiao.fuzz.seed", 20_240_610L);

    @Test
    void notices() throws Exception {
        String valid = """
                {"title":"家长会通知","body":"请各位家长本周五下午三点到校参加家长会。","audience":{"classes":["7-1"],
                 "units":[],"groups":[],"school":false,"allTeachers":false},"channels":["SMS"],"draft":true,
                 "kind":"CLASS","requestReason":null,"acknowledgeWarnings":true,"fallback":false}""";
        List<Long> created = fuzz("teacher71", "/api/notices", valid, "select count(*) from notice", 1);
        created.forEach(id -> new RawHttp(port).send("teacher71", "POST", "/api/notices/" + id + "/cancel",
                "application/json", "{\"reason\":\"测试后取消\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void contentCheck() throws Exception {
        String valid = """
                {"text":"各位家长：明天上午八点开学典礼，请准时到校。","signature":"示范中学","maxSegments":2,
                 "individualRecipient":false}""";
        fuzz("teacher71", "/api/content/check", valid, "select count(*) from content_term", 0);
    }

    @Test
    void accounts() throws Exception {
        String valid = """
                {"username":"fuzz%s","displayName":"测试教师","unit":"7-1","roles":[{"role":"HEAD_TEACHER","unit":"7-1"}],
                 "mobile":null,"password":"jiaxiao-demo-long"}""".formatted(Long.toString(System.nanoTime(), 36));
        fuzz("affairs", "/api/accounts", valid, "select count(*) from staff_account", 1);
    }

    @Test
    void groups() throws Exception {
        Long guardian = jdbc.queryForObject("""
                select min(gs.guardian_id) from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-1'""", Map.of(), Long.class);
        String valid = "{\"name\":\"测试组\",\"guardianIds\":[" + guardian + "],\"staffIds\":[]}";
        List<Long> created = fuzz("teacher71", "/api/groups", valid, "select count(*) from recipient_group", 1);
        created.forEach(id -> new RawHttp(port).send("teacher71", "DELETE", "/api/groups/" + id, null, null));
    }

    @Test
    void pushSubscriptions() throws Exception {
        Long guardian = jdbc.queryForObject("""
                select min(gs.guardian_id) from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-1'""", Map.of(), Long.class);
        String valid = "{\"guardianId\":" + guardian + ",\"kind\":\"FCM\",\"token\":\"fuzz" + "a".repeat(60)
                + "\",\"label\":\"家长的手机\"}";
        List<Long> created = fuzz("teacher71", "/api/push/subscriptions", valid,
                "select count(*) from push_subscription", 1);
        created.forEach(id -> new RawHttp(port).send("teacher71", "DELETE", "/api/push/subscriptions/" + id, null,
                null));
    }

    /**
     * Posts {@code RUNS} bodies mutated from {@code valid}; {@code rowsPerSuccess} rows of the counted table
     * appear for each 201 and none otherwise. Returns the ids of what was created.
     */
    private List<Long> fuzz(String user, String path, String valid, String countSql, int rowsPerSuccess)
            throws Exception {
        RawHttp http = new RawHttp(port);
        Random random = new Random(SEED ^ path.hashCode());
        JsonMutator mutator = new JsonMutator(random);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String body = mutator.mutate(valid);
            long before = count(countSql);
            RawHttp.Answer answer = http.send(user, "POST", path, "application/json",
                    body.getBytes(StandardCharsets.UTF_8));
            String what = "run " + i + " " + path + " <- " + abbreviate(body) + " -> " + answer.status() + " "
                    + abbreviate(answer.body());
            assertThat(answer.status()).as(what).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.status());
                assertThat(problem.path("detail").asText()).as(what).isNotBlank();
            }
            long written = count(countSql) - before;
            if (answer.status() == 201) {
                // at most: registering a push token already registered updates its row
                assertThat(written).as(what).isBetween(0L, (long) rowsPerSuccess);
                JsonNode json = JSON.readTree(answer.body());
                if (json.has("id")) {
                    created.add(json.get("id").asLong());
                }
            } else {
                assertThat(written).as("nothing half-written: " + what).isZero();
            }
        }
        return created;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Map.of(), Long.class);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + ")";
    }
}
