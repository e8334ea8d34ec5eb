package cn.jiaxiao.routes.reply;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param confirmationWindow a reply without a usable extension code answers a reply-required notice (or an
 *        absence alert) sent to the number within this time
 * @param maxAnswersPerHour at most this many automatic answers to one number per hour, so that a loop with
 *        another robot stops
 * @param absenceEscalateAfter an absence alert nobody answered within this time goes to the grade leader
 * @param timeZone the school's: a leave request's dates are read against its "today"
 */
public record ReplySettings(Duration confirmationWindow, int maxAnswersPerHour, Duration absenceEscalateAfter,
        ZoneId timeZone, String signature) {

    public static final Duration DEFAULT_CONFIRMATION_WINDOW = Duration.ofDays(3);
    public static final int DEFAULT_MAX_ANSWERS_PER_HOUR = 5;
    public static final Duration DEFAULT_ABSENCE_ESCALATE_AFTER = Duration.ofMinutes(30);
}
