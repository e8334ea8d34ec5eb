package cn.jiaxiao.templates.model;

import cn.jiaxiao.templates.render.TemplateKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic sample notices and recipients per kind: for previews before a real audience exists, and for
 * trying an override in every situation it will meet (reply or not, one child or two, each leave status).
 */
public final class SampleModels {

    private SampleModels() {
    }

    public static RecipientModel guardianOfTwo() {
        return RecipientModel.guardianOf(new Child("张三", "七年级1班"), new Child("李四", "八年级2班"));
    }

    public static RecipientModel guardianOfOne() {
        return RecipientModel.guardianOf(new Child("王小明", "七年级1班"));
    }

    public static RecipientModel approver() {
        return RecipientModel.staff("王芳", "校长");
    }

    /** The recipient a message of this kind goes to: the approver for approval requests, a guardian otherwise. */
    public static RecipientModel recipientFor(TemplateKind kind) {
        return kind == TemplateKind.APPROVAL_REQUEST ? approver() : guardianOfTwo();
    }

    public static NoticeModel notice(TemplateKind kind) {
        return notice(kind, true, LeaveStatus.APPROVED);
    }

    public static NoticeModel notice(TemplateKind kind, boolean replyRequired, LeaveStatus leaveStatus) {
        NoticeModel.Builder builder = NoticeModel.builder(kind)
                .noticeId(20240512)
                .title(title(kind))
                .body(body(kind))
                .signature("示范中学")
                .schoolName("示范中学")
                .senderName("七年级1班班主任")
                .sendTime(LocalDateTime.of(2024, 5, 12, 14, 30))
                .links(List.of(new Link("查看详情", "https://jx.example.cn/n/20240512")))
                .details(details(kind, leaveStatus));
        if (replyRequired) {
            builder.replyRequired(NoticeModel.DEFAULT_REPLY_INSTRUCTION);
        }
        return builder.build();
    }

    /**
     * Every situation a template of this kind must handle: with and without reply, links and optional
     * text; one child and two; each leave status.
     */
    public static List<Sample> variants(TemplateKind kind) {
        List<Sample> samples = new ArrayList<>();
        for (LeaveStatus status : kind == TemplateKind.LEAVE_CONFIRMATION ? LeaveStatus.values()
                : new LeaveStatus[] {LeaveStatus.APPROVED}) {
            samples.add(new Sample(notice(kind, true, status), recipientFor(kind)));
            NoticeModel sparse = notice(kind, false, status);
            sparse = new NoticeModel(sparse.noticeId(), kind, sparse.title(), "", sparse.signature(),
                    sparse.schoolName(), "", false, "", null, List.of(), sparse.details());
            samples.add(new Sample(sparse, kind == TemplateKind.APPROVAL_REQUEST ? approver() : guardianOfOne()));
        }
        return samples;
    }

    /** A notice and who receives it. */
    public record Sample(NoticeModel notice, RecipientModel recipient) {
    }

    private static String title(TemplateKind kind) {
        return switch (kind) {
            case GENERAL -> "家长会通知";
            case EMERGENCY -> "暴雨停课通知";
            case EXAM_SCHEDULE -> "期中考试安排";
            case SCHEDULE_CHANGE -> "春季研学活动";
            case ABSENCE -> "缺勤提醒";
            case LEAVE_CONFIRMATION -> "请假回执";
            case REPLY_REMINDER -> "回复提醒";
            case APPROVAL_REQUEST -> "家长会通知";
        };
    }

    private static String body(TemplateKind kind) {
        return switch (kind) {
            case GENERAL, APPROVAL_REQUEST -> "本周五下午3点在各班教室召开家长会，请准时参加。";
            case EMERGENCY -> "受暴雨影响，明天全校停课一天，请家长做好孩子的看护。";
            case EXAM_SCHEDULE -> "语文、数学在第一天，英语、科学在第二天，每场考试提前15分钟入场。";
            case SCHEDULE_CHANGE -> "全体学生早上7:30在校门口集合乘车，下午4点返校，请穿校服、自带午餐。";
            case ABSENCE, LEAVE_CONFIRMATION -> "";
            case REPLY_REMINDER -> "本周五下午3点在各班教室召开家长会，请准时参加。";
        };
    }

    private static NoticeDetails details(TemplateKind kind, LeaveStatus leaveStatus) {
        return switch (kind) {
            case GENERAL, EMERGENCY -> new NoticeDetails.None();
            case EXAM_SCHEDULE -> new NoticeDetails.ExamSchedule("期中考试", "11月12日至11月13日");
            case SCHEDULE_CHANGE -> new NoticeDetails.ScheduleChange("5月20日（周一）");
            case ABSENCE -> new NoticeDetails.Absence("今天", "上午第一节课");
            case LEAVE_CONFIRMATION -> new NoticeDetails.LeaveConfirmation(leaveStatus, "5月13日至5月14日",
                    leaveStatus == LeaveStatus.NOT_APPROVED ? "当天有期中考试" : "");
            case REPLY_REMINDER -> new NoticeDetails.ReplyReminder("家长会通知", "5月10日");
            case APPROVAL_REQUEST -> new NoticeDetails.ApprovalRequest("七年级1班班主任李明", "七年级1班全体家长", 45);
        };
    }
}
