package cn.jiaxiao.routes.quota;

import java.time.ZonedDateTime;

/** A quota's period, in the school's time zone: from local midnight, or from the first of the month. */
public enum QuotaPeriod {
    DAY,
    MONTH;

    public ZonedDateTime start(ZonedDateTime now) {
        ZonedDateTime midnight = now.toLocalDate().atStartOfDay(now.getZone());
        return this == DAY ? midnight : midnight.withDayOfMonth(1);
    }

    public ZonedDateTime end(ZonedDateTime now) {
        ZonedDateTime start = start(now);
        return this == DAY ? start.plusDays(1) : start.plusMonths(1);
    }

    /** As the user reads it. */
    public String label() {
        return this == DAY ? "今日" : "本月";
    }
}
