package cn.jiaxiao.routes.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours in which nothing but an emergency is sent (004; default 22:00–07:00 in the school's time zone).
 * The window may cross midnight, as it does by default.
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end, ZoneId zone) {

    public static QuietHours defaults() {
        return new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Shanghai"));
    }

    public boolean contains(Instant instant) {
        if (!enabled || start.equals(end)) {
            return false;
        }
        LocalTime time = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The first moment at or after {@code instant} outside quiet hours. */
    public Instant nextAllowed(Instant instant) {
        if (!contains(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}
