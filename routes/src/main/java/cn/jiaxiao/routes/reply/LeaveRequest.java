package cn.jiaxiao.routes.reply;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A complete, checked leave request: one named child of the sender, a date range within
 * {@link LeaveRules}, and the part of the day.
 *
 * @param studentName the child's name exactly as given in the sender's children list
 * @param from first day of leave
 * @param to last day of leave, {@code >= from}
 * @param part {@link DayPart#FULL_DAY} unless the text says 上午/下午 for a single day
 * @param reason what is left of the text once keyword, dates, day part and name are taken out
 *        (发烧, 看病, 家里有事); "" when the parent gave none
 */
public record LeaveRequest(String studentName, LocalDate from, LocalDate to, DayPart part, String reason)
        implements ReplyIntent {

    public LeaveRequest {
        Objects.requireNonNull(studentName, "studentName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(part, "part");
        reason = reason == null ? "" : reason;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (part != DayPart.FULL_DAY && !from.equals(to)) {
            throw new IllegalArgumentException("a half day needs a single date");
        }
    }

    /** Number of calendar days covered, both ends included. */
    public long days() {
        return to.toEpochDay() - from.toEpochDay() + 1;
    }
}
