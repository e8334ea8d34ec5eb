package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A guardian's channels are recorded by his child's head teacher, validated, and out of reach of other classes. */
class GuardianPreferencesTest extends GatewayTest {

    @Test
    void theHeadTeacherRecordsAGuardiansChannelsAndNobodyElseCan() {
        long guardian = jdbc.queryForObject("""
                select min(gs.guardian_id) from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-2'""", Map.of(), Long.class);
        String path = "/api/guardians/" + guardian + "/preferences";
        assertThat(api.get("teacher72", path).json().get("channels")).hasSize(3);

        Api.Response saved = api.put("teacher72", path, "{\"channels\":[\"push\",\"SMS\"]}");
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.json().get("channels").toString()).isEqualTo("[\"PUSH\",\"SMS\"]");
        assertThat(saved.json().get("language").asText()).isEqualTo("zh-CN");

        assertThat(api.put("teacher71", path, "{\"channels\":[\"SMS\"]}").status()).isEqualTo(404);
        Api.Response unknown = api.put("teacher72", path, "{\"channels\":[\"FAX\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("channels");
        assertThat(api.put("teacher72", path, "{\"channels\":[]}").json().get("field").asText()).isEqualTo("channels");
        assertThat(api.put("teacher72", path, "{\"channels\":[\"SMS\"],\"language\":\"fr\"}").json().get("field")
                .asText()).isEqualTo("language");
        // put back what other tests of the shared context expect: no preference
        jdbc.update("delete from guardian_preference where guardian_id = :g", Map.of("g", guardian));
    }
}
