package cn.jiaxiao.templates.model;

import cn.jiaxiao.templates.render.TemplateKind;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a kind of notice says beyond its title and body. Dates and times are display text chosen by the
 * caller ({@code 5月20日（周五）}, {@code 今天上午第一节课}), since only the caller knows whether "today"
 * or a weekday reads better.
 */
public sealed interface NoticeDetails {

    /** The kinds these details belong to. */
    Set<TemplateKind> kinds();

    /** The template variables these details add to the common ones. */
    Map<String, Object> variables();

    /** General notices and emergency alerts say everything in their title and body. */
    record None() implements NoticeDetails {
        @Override
        public Set<TemplateKind> kinds() {
            return Set.of(TemplateKind.GENERAL, TemplateKind.EMERGENCY);
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of();
        }
    }

    /** @param examName {@code 期中考试}; @param examPeriod {@code 11月12日至11月14日} */
    record ExamSchedule(String examName, String examPeriod) implements NoticeDetails {
        public ExamSchedule {
            Objects.requireNonNull(examName, "examName");
            Objects.requireNonNull(examPeriod, "examPeriod");
        }

        @Override
        public Set<TemplateKind> kinds() {
            return Set.of(TemplateKind.EXAM_SCHEDULE);
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of("examName", examName, "examPeriod", examPeriod);
        }
    }

    /** @param eventDate the day of the outing or the change: {@code 5月20日（周五）} */
    record ScheduleChange(String eventDate) implements NoticeDetails {
        public ScheduleChange {
            Objects.requireNonNull(eventDate, "eventDate");
        }

        @Override
        public Set<TemplateKind> kinds() {
            return Set.of(TemplateKind.SCHEDULE_CHANGE);
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of("eventDate", eventDate);
        }
    }

    /** @param absenceDate {@code 今天}; @param absencePeriod {@code 上午第一节课}, may be empty */
    record Absence(String absenceDate, String absencePeriod) implements NoticeDetails {
        public Absence {
            Objects.requireNonNull(absenceDate, "absenceDate");
            absencePeriod = absencePeriod == null ? "" : absencePeriod;
        }

        @Override
        public Set<TemplateKind> kinds() {
            return Set.of(TemplateKind.ABSENCE);
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of("absenceDate", absenceDate, "absencePeriod", absencePeriod);
        }
    }

    /**
     * @param leavePeriod  {@code 5月12日至5月13日}
     * @param decisionNote the head teacher's reason or remark, may be empty
     */
    record LeaveConfirmation(LeaveStatus status, String leavePeriod, String decisionNote) implements NoticeDetails {
        public LeaveConfirmation {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(leavePeriod, "leavePeriod");
            decisionNote = decisionNote == null ? "" : decisionNote;
        }

        @Override
        public Set<TemplateKind> kinds() {
            return Set.of(TemplateKind.LEAVE_CONFIRMATION);
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of("leaveStatus", status.name(), "leaveStatusText", status.text(),
                    "leavePeriod", leavePeriod, "decisionNote", decisionNote);
        }
    }

    /** @param originalTitle the notice not yet confirmed; @param originalSendTime {@code 5月10日} */
    record ReplyReminder(String originalTitle, String originalSendTime) implements NoticeDetails {
        public ReplyReminder {
            Objects.requireNonNull(originalTitle, "originalTitle");
            Objects.requireNonNull(originalSendTime, "originalSendTime");
        }

        @Override
        public Set<TemplateKind> kinds() {
            return Set.of(TemplateKind.REPLY_REMINDER);
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of("originalTitle", originalTitle, "originalSendTime", originalSendTime);
        }
    }

    /**
     * @param drafterName     {@code 七年级1班班主任李明}
     * @param audienceSummary {@code 七年级1班全体家长}
     * @param recipientCount  how many recipients the notice would reach
     */
    record ApprovalRequest(String drafterName, String audienceSummary, int recipientCount) implements NoticeDetails {
        public ApprovalRequest {
            Objects.requireNonNull(drafterName, "drafterName");
            Objects.requireNonNull(audienceSummary, "audienceSummary");
        }

        @Override
        public Set<TemplateKind> kinds() {
            return Set.of(TemplateKind.APPROVAL_REQUEST);
        }

        @Override
        public Map<String, Object> variables() {
            return Map.of("drafterName", drafterName, "audienceSummary", audienceSummary,
                    "recipientCount", recipientCount);
        }
    }
}
