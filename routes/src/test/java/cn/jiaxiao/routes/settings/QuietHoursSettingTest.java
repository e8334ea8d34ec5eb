package cn.jiaxiao.routes.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.schedule.QuietHours;
import cn.jiaxiao.routes.support.Json;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursSettingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void timesAreHoursAndMinutesInTheSchoolsZone() {
        QuietHours hours = new QuietHoursSetting(null, " 21:30", "06:45").in(SHANGHAI);
        assertThat(hours).isEqualTo(new QuietHours(true, LocalTime.of(21, 30), LocalTime.of(6, 45), SHANGHAI));
        assertThat(new QuietHoursSetting(false, "22:00", "07:00").in(SHANGHAI).enabled()).isFalse();
        QuietHoursSetting stored = Json.read(Json.write(QuietHoursSetting.of(hours)), QuietHoursSetting.class);
        assertThat(stored).isEqualTo(new QuietHoursSetting(true, "21:30", "06:45"));
    }

    @Test
    void badTimesNameTheirField() {
        assertRefused(new QuietHoursSetting(true, null, "07:00"), 400, "start");
        assertRefused(new QuietHoursSetting(true, "24:00", "07:00"), 400, "start");
        assertRefused(new QuietHoursSetting(true, "9:00", "07:00"), 400, "start");
        assertRefused(new QuietHoursSetting(true, "22:00", "7点"), 400, "end");
        assertRefused(new QuietHoursSetting(true, "22:00", "22:00:30"), 400, "end");
        assertRefused(new QuietHoursSetting(true, "22:00", "22:00"), 422, "end");
    }

    private static void assertRefused(QuietHoursSetting setting, int status, String field) {
        assertThatThrownBy(() -> setting.in(SHANGHAI)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
