package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every demo role against every audience kind, for sending and for reading (school-rules §1). A refusal
 * is a 403 naming the part of the audience out of scope, and nothing of the notice is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest extends GatewayTest {

    private static final Map<String, String> AUDIENCES = Map.of(
            "class71", "{\"classes\":[\"7-1\"]}",
            "class72", "{\"classes\":[\"7-2\"]}",
            "class81", "{\"classes\":[\"8-1\"]}",
            "grade7", "{\"units\":[\"g7\"]}",
            "grade8", "{\"units\":[\"g8\"]}",
            "school", "{\"school\":true}",
            "teachers", "{\"allTeachers\":true}",
            "department", "{\"units\":[\"logistics\"]}");

    private long notice71;
    private long notice72;
    private long schoolNotice;

    @BeforeAll
    void notices() {
        api = new Api(port);
        notice71 = submit("teacher71", AUDIENCES.get("class71")).json().get("id").asLong();
        notice72 = submit("teacher72", AUDIENCES.get("class72")).json().get("id").asLong();
        schoolNotice = submit("office", AUDIENCES.get("school")).json().get("id").asLong();
    }

    @BeforeEach
    void noGrantForMath7() {
        revokeMath7();
    }

    /** Expected answer per role, in the order of {@link #KINDS}: 201 sent for approval, 403 refused. */
    private static final String[] KINDS = {"class71", "class72", "class81", "grade7", "grade8", "school", "teachers",
            "department"};
    private static final Map<String, int[]> EXPECTED = Map.of(
            "principal", new int[] {201, 201, 201, 201, 201, 201, 201, 201},
            "office", new int[] {201, 201, 201, 201, 201, 201, 201, 201},
            "affairs", new int[] {201, 201, 201, 201, 201, 201, 201, 201},
            "grade7", new int[] {201, 201, 403, 201, 403, 403, 201, 403},
            "teacher71", new int[] {201, 403, 403, 403, 403, 403, 201, 403},
            "teacher72", new int[] {403, 201, 403, 403, 403, 403, 201, 403},
            "math7", new int[] {403, 403, 403, 403, 403, 403, 201, 403},
            "logistics", new int[] {403, 403, 403, 403, 403, 403, 403, 403},
            "logisticshead", new int[] {403, 403, 403, 403, 403, 403, 403, 201});

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> matrix() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(role ->
                java.util.stream.IntStream.range(0, KINDS.length).mapToObj(i ->
                        org.junit.jupiter.params.provider.Arguments.of(role.getKey(), KINDS[i], role.getValue()[i])));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @org.junit.jupiter.params.provider.MethodSource("matrix")
    void send(String user, String audience, int expected) {
        long before = noticeCount();
        Api.Response answer = submit(user, AUDIENCES.get(audience));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("field").asText()).startsWith("audience.");
            assertThat(noticeCount()).isEqualTo(before);
        }
    }

    @Test
    void aSubjectTeacherMessagesAClassOnlyWhileItsHeadTeacherAllowsIt() {
        Api.Response refused = submit("math7", AUDIENCES.get("class71"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("7-1").contains("班主任授权");

        assertThat(put("teacher72", "/api/classes/7-1/grants/math7")).isEqualTo(403);
        assertThat(put("teacher71", "/api/classes/7-1/grants/math7")).isEqualTo(204);
        try {
            assertThat(submit("math7", AUDIENCES.get("class71")).status()).isEqualTo(201);
            assertThat(submit("math7", AUDIENCES.get("class72")).status()).isEqualTo(403);
            assertThat(api.get("teacher71", "/api/classes/7-1/grants").json().toString()).contains("math7");
        } finally {
            revokeMath7();
        }
        assertThat(submit("math7", AUDIENCES.get("class71")).status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} reads the 7-1 notice: {1}")
    @CsvSource({"teacher71, 200", "grade7, 200", "principal, 200", "affairs, 200", "office, 200", "math7, 200",
            "teacher72, 404", "logistics, 404", "logisticshead, 404"})
    void readAClassNotice(String user, int expected) {
        assertThat(api.get(user, "/api/notices/" + notice71).status()).isEqualTo(expected);
        assertThat(api.get(user, "/api/notices/" + notice71 + "/deliveries").status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reads the 7-2 notice: {1}")
    @CsvSource({"teacher72, 200", "grade7, 200", "teacher71, 404", "logistics, 404"})
    void readAnotherClassesNotice(String user, int expected) {
        assertThat(api.get(user, "/api/notices/" + notice72).status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reads the school-wide notice: {1}")
    @CsvSource({"office, 200", "principal, 200", "affairs, 200", "teacher71, 404", "grade7, 404"})
    void readASchoolNotice(String user, int expected) {
        assertThat(api.get(user, "/api/notices/" + schoolNotice).status()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reads 7-1''s students and guardians: {1}")
    @CsvSource({"teacher71, 200", "grade7, 200", "math7, 200", "affairs, 200", "teacher72, 404", "logistics, 404"})
    void readAClassesGuardians(String user, int expected) {
        Api.Response students = api.get(user, "/api/classes/7-1/students");
        assertThat(students.status()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(students.raw()).doesNotContainPattern("1380000\\d{4}");
            assertThat(students.raw()).contains("138****");
        }
    }

    @ParameterizedTest(name = "{0} → own group of colleagues: {1}")
    @CsvSource({"principal, 201", "office, 201", "affairs, 201", "grade7, 201", "teacher71, 201", "teacher72, 201",
            "math7, 201", "logistics, 403", "logisticshead, 403"})
    void sendToOwnCustomGroup(String user, int expected) {
        String other = user.equals("principal") ? "affairs" : "principal"; // nobody messages himself
        long colleague = jdbc.queryForObject("select id from staff_account where username = :u", Map.of("u", other),
                Long.class);
        Api.Response group = api.post(user, "/api/groups",
                "{\"name\":\"同事" + System.nanoTime() + "\",\"staffIds\":[" + colleague + "]}");
        assertThat(group.status()).isEqualTo(201);
        Api.Response answer = submit(user, "{\"groups\":[" + group.json().get("id").asLong() + "]}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(expected);
    }

    @Test
    void customGroupsAreTheirOwnersAloneAndStayWithinScope() {
        long guardian71 = jdbc.queryForObject("""
                select gs.guardian_id from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-1' order by 1 limit 1""", Map.of(), Long.class);
        long guardian72 = jdbc.queryForObject("""
                select gs.guardian_id from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-2'
                and gs.guardian_id not in (select gs2.guardian_id from guardian_student gs2
                  join student s2 on s2.id = gs2.student_id join unit c2 on c2.id = s2.class_id where c2.code = '7-1')
                order by 1 limit 1""", Map.of(), Long.class);
        Api.Response outOfScope = api.post("teacher71", "/api/groups",
                "{\"name\":\"越界组\",\"guardianIds\":[" + guardian72 + "]}");
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.json().get("field").asText()).isEqualTo("guardianIds");

        Api.Response group = api.post("teacher71", "/api/groups",
                "{\"name\":\"班委家长" + System.nanoTime() + "\",\"guardianIds\":[" + guardian71 + "]}");
        assertThat(group.status()).isEqualTo(201);
        long groupId = group.json().get("id").asLong();
        assertThat(submit("teacher71", "{\"groups\":[" + groupId + "]}").status()).isEqualTo(201);

        Api.Response stolen = submit("teacher72", "{\"groups\":[" + groupId + "]}");
        assertThat(stolen.status()).isEqualTo(403);
        assertThat(stolen.json().get("field").asText()).isEqualTo("audience.groups");
        assertThat(stolen.json().get("detail").asText()).contains(String.valueOf(groupId));
        assertThat(api.get("teacher72", "/api/groups/" + groupId).status()).isEqualTo(403);

        Api.Response staffGroup = api.post("logistics", "/api/groups", "{\"name\":\"同事\",\"staffIds\":[1]}");
        long staffGroupId = staffGroup.json().get("id").asLong();
        assertThat(submit("logistics", "{\"groups\":[" + staffGroupId + "]}").status()).isEqualTo(403);
    }

    private int put(String user, String path) {
        return new Api(port).put(user, path);
    }

    private void revokeMath7() {
        new Api(port).delete("teacher71", "/api/classes/7-1/grants/math7");
    }

    private long noticeCount() {
        return jdbc.queryForObject("select count(*) from notice", Map.of(), Long.class);
    }
}
