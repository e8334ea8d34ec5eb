package cn.jiaxiao.routes.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours quiet = QuietHours.defaults();

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    @Test
    void theDefaultWindowRunsFromTenAtNightToSevenInTheMorningInShanghai() {
        assertThat(quiet.contains(at("2026-11-23T21:59:59"))).isFalse();
        assertThat(quiet.contains(at("2026-11-23T22:00:00"))).isTrue();
        assertThat(quiet.contains(at("2026-11-23T23:30:00"))).isTrue();
        assertThat(quiet.contains(at("2026-11-24T06:59:59"))).isTrue();
        assertThat(quiet.contains(at("2026-11-24T07:00:00"))).isFalse();
    }

    @Test
    void aMessageApprovedAtHalfPastElevenWaitsUntilSevenNextMorning() {
        assertThat(quiet.nextAllowed(at("2026-11-23T23:30:00"))).isEqualTo(at("2026-11-24T07:00:00"));
        assertThat(quiet.nextAllowed(at("2026-11-24T05:00:00"))).isEqualTo(at("2026-11-24T07:00:00"));
        assertThat(quiet.nextAllowed(at("2026-11-24T12:00:00"))).isEqualTo(at("2026-11-24T12:00:00"));
    }

    @Test
    void aWindowWithinOneDayAndADisabledOneWork() {
        QuietHours lunch = new QuietHours(true, LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
        assertThat(lunch.contains(at("2026-11-23T13:00:00"))).isTrue();
        assertThat(lunch.contains(at("2026-11-23T23:00:00"))).isFalse();
        assertThat(lunch.nextAllowed(at("2026-11-23T13:00:00"))).isEqualTo(at("2026-11-23T14:00:00"));
        QuietHours off = new QuietHours(false, LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);
        assertThat(off.contains(at("2026-11-23T23:30:00"))).isFalse();
    }
}
