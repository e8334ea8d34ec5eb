package cn.jiaxiao.templates.render;

import java.util.Locale;

/**
 * The kinds of message the school sends; each has its own wording per channel. The names are stored in
 * the database: rename none of them.
 */
public enum TemplateKind {
    /** 普通通知. */
    GENERAL,
    /** 紧急通知: accident, injury, closure; may go out in quiet hours. */
    EMERGENCY,
    /** 考试安排. */
    EXAM_SCHEDULE,
    /** 外出活动 / 作息调整: must reach parents at least one day ahead (003 rule 4). */
    SCHEDULE_CHANGE,
    /** 缺勤提醒: a student absent without leave, told to the guardian at once (003 rule 2). */
    ABSENCE,
    /** 请假回执: received, approved or not approved. */
    LEAVE_CONFIRMATION,
    /** 回复提醒: to guardians who have not confirmed a notice yet. */
    REPLY_REMINDER,
    /** 审批提醒: to the approver, not to parents. */
    APPROVAL_REQUEST;

    public static TemplateKind parse(String value) {
        if (value == null || value.isBlank()) {
            return GENERAL;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The folder of the kind's built-in templates: {@code exam-schedule}. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String fileName() {
        return folder() + ".ftl";
    }
}
