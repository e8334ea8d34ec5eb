package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An account manager imports the roster as a new user would: dry run, the diff, apply, progress. */
class RosterImportApiTest extends GatewayTest {

    private static final String HEADER = "班级,学号,学生姓名,家长姓名,关系,手机,邮箱\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    UnitRepository units;
    private String classCode;

    @BeforeEach
    void aNewClass() {
        classCode = "9-" + (System.nanoTime() % 100000);
        units.create(classCode, "测试班" + classCode, UnitKind.CLASS, units.findByCode("g8").orElseThrow());
    }

    @Test
    void dryRunShowsTheDiffAndEveryBadLineThenTheImportAppliesOnceAndOnlyOnce() throws Exception {
        String prefix = classCode.replace("-", "");
        String bad = HEADER
                + classCode + "," + prefix + "01,张小明,张大明,父亲,13600000001,\n"
                + classCode + "," + prefix + "02,李小红,李大红,母亲,12345,\n"
                + "9-999," + prefix + "03,王小刚,王大刚,父亲,13600000003,\n";
        JsonNode plan = upload("affairs", bad, true);
        assertThat(plan.get("studentsAdded").get("total").asInt()).isEqualTo(1);
        assertThat(plan.get("errors").toString()).contains("\"lineNo\":3").contains("\"lineNo\":4")
                .contains("mobile").contains("class");
        assertThat(count(classCode)).isZero();

        JsonNode rejected = awaitJob(upload("affairs", bad, false).get("id").asText());
        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(count(classCode)).as("all or nothing").isZero();

        String good = HEADER
                + classCode + "," + prefix + "01,张小明,张大明,父亲,13600000001,zhang@example.com\n"
                + classCode + "," + prefix + "02,李小红,李大红,母亲,136 0000 0002,\n";
        JsonNode done = awaitJob(upload("affairs", good, false).get("id").asText());
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(count(classCode)).isEqualTo(2);
        assertThat(done.toString()).doesNotContain("13600000001").contains("136****0001");

        JsonNode again = upload("affairs", good, true);
        assertThat(again.get("empty").asBoolean()).as(again.toString()).isTrue();
    }

    @Test
    void importsStayWithinTheManagersLevel() throws Exception {
        String file = HEADER + classCode + ",G" + System.nanoTime() % 100000 + ",赵小龙,赵大龙,父亲,13600000009,\n";
        JsonNode plan = upload("grade7", file, true);
        assertThat(plan.get("errors").toString()).contains("\"lineNo\":2");
        assertThat(uploadStatus("teacher71", file, true)).isEqualTo(403);
        assertThat(uploadStatus("affairs", "", true)).isEqualTo(400);
    }

    private int count(String code) {
        return jdbc.queryForObject("select count(*) from student s join unit c on c.id = s.class_id where c.code = :c",
                Map.of("c", code), Integer.class);
    }

    private JsonNode awaitJob(String id) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get("affairs", "/api/roster/imports/" + id).json(),
                job -> !job.get("state").asText().equals("RUNNING"));
    }

    private JsonNode upload(String user, String csv, boolean dryRun) throws Exception {
        HttpResponse<String> response = send(user, csv, dryRun);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
        return JSON.readTree(response.body());
    }

    private int uploadStatus(String user, String csv, boolean dryRun) throws Exception {
        return send(user, csv, dryRun).statusCode();
    }

    private HttpResponse<String> send(String user, String csv, boolean dryRun) throws Exception {
        String boundary = "----jiaxiao" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/roster/imports?dryRun=" + dryRun))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":jiaxiao-demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
