package cn.jiaxiao.routes.reply;

import java.time.LocalDate;
import java.util.List;

/** What must hold for any result, whatever the input. */
final class ReplyInvariants {

    private ReplyInvariants() {
    }

    /** A description of what is wrong with the result, or null when nothing is. */
    static String violation(ReplyIntent intent, LocalDate today, List<String> children) {
        if (intent == null) {
            return "no result";
        }
        if (intent instanceof LeaveRequest leave) {
            if (!children.contains(leave.studentName())) {
                return "a leave for someone not among the children: " + leave;
            }
            if (!LeaveRules.withinBounds(today, leave.from(), leave.to())) {
                return "a leave outside the rules: " + leave;
            }
        } else if (intent instanceof NeedsClarification clarification) {
            if (clarification.studentName() != null && !children.contains(clarification.studentName())) {
                return "a clarification naming someone not among the children: " + clarification;
            }
        } else if (intent instanceof Unparsed unparsed && unparsed.text() == null) {
            return "unparsed without text";
        }
        return null;
    }
}
