package cn.jiaxiao.routes.reply;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reply is a leave request (it has a leave keyword) but something needed to record it is missing or
 * doubtful, so the gateway must not record it as is: it asks the parent, or hands it to the head teacher.
 * The fields hold whatever the parser did understand, null where it did not.
 *
 * @param problems why it cannot be recorded; never empty
 * @param studentName the child, when exactly one child of the sender was identified
 * @param unknownName a name the text gives that is not among the sender's children (never guessed into one)
 * @param from first day, when the dates were understood
 * @param to last day, when the dates were understood
 * @param part the day part, when understood
 * @param reason the reason text, "" when none
 */
public record NeedsClarification(Set<Problem> problems, String studentName, String unknownName,
                                 LocalDate from, LocalDate to, DayPart part, String reason)
        implements ReplyIntent {

    public NeedsClarification {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a clarification needs at least one problem");
        }
        problems = Set.copyOf(EnumSet.copyOf(problems));
        reason = reason == null ? "" : reason;
    }

    public boolean has(Problem problem) {
        return problems.contains(problem);
    }

    public enum Problem {
        /** The sender has several children and the text names none of them. */
        STUDENT_NOT_NAMED,
        /** The text names someone who is not among the sender's children, or the sender has no child on file. */
        STUDENT_UNKNOWN,
        /** The text names more than one of the sender's children; one request records one child. */
        SEVERAL_STUDENTS,
        /** No date at all (the parser does not know the time of day, so it does not assume "today"). */
        DATE_MISSING,
        /**
         * Dates that cannot be read as one range: an impossible date (2月30日), dates with a gap between them,
         * a half day (上午/下午/半天) over several days, 半天 without saying which half, a stated length
         * (请假3天) that contradicts the dates.
         */
        DATE_UNCLEAR,
        /** A readable range outside {@link LeaveRules}: ends before it starts, too long, too far back or ahead. */
        DATE_OUT_OF_RANGE
    }
}
