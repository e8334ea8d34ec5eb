package cn.jiaxiao.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The gateway's clock in tests: real time moved to school hours in Shanghai, so that no test depends on
 * the hour CI happens to run at, and movable to any moment (23:30, 07:00) for the quiet-hours tests.
 */
public final class TestClock extends Clock {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private volatile Duration offset = Duration.ZERO;

    public TestClock() {
        toSchoolHours();
    }

    /** Real time, shifted forward (at most a day) to 10:00 in Shanghai when it is outside 08:00–20:00. */
    public void toSchoolHours() {
        ZonedDateTime now = Instant.now().atZone(SHANGHAI);
        LocalTime time = now.toLocalTime();
        if (time.isAfter(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(20, 0))) {
            offset = Duration.ZERO;
            return;
        }
        ZonedDateTime ten = now.with(LocalTime.of(10, 0));
        if (!ten.isAfter(now)) {
            ten = ten.plusDays(1);
        }
        offset = Duration.between(now, ten);
    }

    /** From now on the clock reads this local Shanghai time (of the next such moment), and goes on from there. */
    public void setLocal(LocalTime time) {
        ZonedDateTime now = Instant.now().atZone(SHANGHAI);
        ZonedDateTime target = now.with(time);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        offset = Duration.between(now, target);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("TestClock is Shanghai's");
    }
}
