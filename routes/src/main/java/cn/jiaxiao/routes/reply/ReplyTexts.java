package cn.jiaxiao.routes.reply;

import java.time.LocalDate;

/**
 * The gateway's own short answers to a parent (help, opt-out, a leave request it cannot record), and what
 * it tells staff. Fixed wording, not templates: they answer the parent's own message and name nothing of
 * a notice. Each starts with the school's signature, as every SMS must.
 */
public final class ReplyTexts {

    static final String HELP_BODY = "回复1确认收到通知；请假请回复“请假+孩子姓名+日期+原因”，如“请假 张三 明天 发烧”；"
            + "回复TD退订普通通知（紧急通知和考勤提醒仍会发送）。其他问题请直接联系班主任。";

    private final String signature;

    public ReplyTexts(String signature) {
        this.signature = "【" + signature + "】";
    }

    public String help() {
        return signature + "家长您好：" + HELP_BODY;
    }

    /** A message the gateway could not read: it went to the head teacher, and here is how to reply. */
    public String notUnderstood() {
        return signature + "家长您好：您的短信已转给班主任。" + HELP_BODY;
    }

    public String optedOut() {
        return signature + "家长您好：您已退订学校的普通通知短信。紧急通知和考勤提醒仍会发送。如需恢复，请联系班主任。";
    }

    /** A leave request with a missing or doubtful part: it went to the head teacher; what to send instead. */
    public String clarify(NeedsClarification what) {
        String ask;
        if (what.has(NeedsClarification.Problem.STUDENT_UNKNOWN)) {
            ask = "未找到您提到的孩子，请核对孩子姓名后重发。";
        } else if (what.has(NeedsClarification.Problem.STUDENT_NOT_NAMED)
                || what.has(NeedsClarification.Problem.SEVERAL_STUDENTS)) {
            ask = "请注明为哪一个孩子请假（每条短信一个孩子），如“请假 张三 明天 发烧”。";
        } else if (what.has(NeedsClarification.Problem.DATE_MISSING)) {
            ask = "请注明请假日期，如“请假 张三 明天 发烧”。";
        } else {
            ask = "请假日期无法确认，请写明日期，如“请假 张三 5月12日至5月13日 发烧”。";
        }
        return signature + "家长您好：您的请假短信已转给班主任，" + ask;
    }

    /** To the head teacher: a leave request to decide. */
    public String leaveForTeacher(String studentName, String className, String period, String reason) {
        return signature + "班主任您好：" + studentName + "（" + className + "）家长短信请假：" + period
                + (reason.isBlank() ? "" : "，原因：" + reason) + "。请登录家校通审批。";
    }

    /** To the grade leader: an absence the guardians have not answered. */
    public String absenceEscalation(String studentName, String className, String what) {
        return signature + "年级组长您好：" + studentName + "（" + className + "）" + what
                + "，已通知家长，但至今未收到家长回复。请与班主任联系跟进（学校规定003）。";
    }

    /** {@code 5月12日}, {@code 5月12日至5月13日}, {@code 5月12日上午}. */
    public static String period(LocalDate from, LocalDate to, DayPart part) {
        String first = from.getMonthValue() + "月" + from.getDayOfMonth() + "日";
        if (!to.equals(from)) {
            return first + "至" + to.getMonthValue() + "月" + to.getDayOfMonth() + "日";
        }
        return first + switch (part) {
            case MORNING -> "上午";
            case AFTERNOON -> "下午";
            case FULL_DAY -> "";
        };
    }
}
