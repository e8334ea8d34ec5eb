package cn.jiaxiao.routes.reply;

import java.time.LocalDate;

/**
 * The bounds a leave request by SMS must keep. Outside them the request goes to the head teacher as a
 * {@link NeedsClarification} instead of being recorded.
 *
 * <ul>
 *   <li>{@link #PAST_DAYS}: a parent may report an absence after the fact (昨天发烧没来), up to a week back.
 *       The same bound decides the year or month of a date written without one: 11月20日 said on 11-24 is
 *       this year's, 11月10日 is next year's, which is then too far ahead.</li>
 *   <li>{@link #MAX_DAYS}: a longer absence is not an SMS matter; the school handles it in writing.</li>
 *   <li>{@link #FUTURE_DAYS}: a leave that far ahead is more likely a misread date (8.30 as a time).</li>
 * </ul>
 */
public final class LeaveRules {

    /** A leave may start at most this many days before today. */
    public static final int PAST_DAYS = 7;
    /** A leave covers at most this many days, both ends included. */
    public static final int MAX_DAYS = 30;
    /** A leave may start at most this many days after today. */
    public static final int FUTURE_DAYS = 90;

    private LeaveRules() {
    }

    /** The earliest date a leave, or a year-less date in a leave, may fall on. */
    static LocalDate earliest(LocalDate today) {
        return today.minusDays(PAST_DAYS);
    }

    static boolean withinBounds(LocalDate today, LocalDate from, LocalDate to) {
        return !to.isBefore(from)
                && !from.isBefore(earliest(today))
                && !from.isAfter(today.plusDays(FUTURE_DAYS))
                && to.toEpochDay() - from.toEpochDay() + 1 <= MAX_DAYS;
    }
}
