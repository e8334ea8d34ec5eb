package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.templates.model.NoticeDetails;
import cn.jiaxiao.templates.model.NoticeModel;

/** A notice as its templates see it. */
final class NoticeModels {

    private NoticeModels() {
    }

    static NoticeModel of(Notice notice, String signature) {
        NoticeModel.Builder builder = NoticeModel.builder(notice.kind()).noticeId(notice.id()).title(notice.title())
                .body(notice.body()).signature(signature).details(details(notice));
        if (notice.replyRequired()) {
            builder.replyRequired(NoticeModel.DEFAULT_REPLY_INSTRUCTION);
        }
        return builder.build();
    }

    /** Notices drafted through the API carry their specifics in the body; the kind's own fields stay empty. */
    private static NoticeDetails details(Notice notice) {
        return switch (notice.kind()) {
            case EXAM_SCHEDULE -> new NoticeDetails.ExamSchedule(notice.title(), "");
            case SCHEDULE_CHANGE -> new NoticeDetails.ScheduleChange("");
            case ABSENCE -> new NoticeDetails.Absence("", "");
            default -> new NoticeDetails.None();
        };
    }
}
