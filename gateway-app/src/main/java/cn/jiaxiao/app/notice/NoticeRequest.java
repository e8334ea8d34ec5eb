package cn.jiaxiao.app.notice;

import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.notice.Audience;
import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.notice.NoticeDraft;
import cn.jiaxiao.templates.render.TemplateKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The JSON a drafter posts to {@code /api/notices}: content, audience, channels; {@code draft} keeps it
 * unsubmitted, {@code sendAt} schedules it, {@code requestReason} makes it a department's filed request,
 * {@code acknowledgeWarnings} confirms the content check's warnings; {@code replyRequired} asks guardians to
 * confirm receipt by SMS.
 */
public record NoticeRequest(String title, String body, String kind, AudienceRequest audience, List<String> channels,
        Boolean draft, OffsetDateTime sendAt, String requestReason, Boolean acknowledgeWarnings,
        Boolean fallback, Boolean replyRequired) {

    public record AudienceRequest(List<String> classes, List<String> units, List<Long> groups, Boolean school,
            Boolean allTeachers) {

        Audience toAudience() {
            return new Audience(classes, units, groups, Boolean.TRUE.equals(school), Boolean.TRUE.equals(allTeachers));
        }
    }

    boolean warningsAcknowledged() {
        return Boolean.TRUE.equals(acknowledgeWarnings);
    }

    boolean onlyDraft() {
        return Boolean.TRUE.equals(draft);
    }

    NoticeDraft toDraft() {
        TemplateKind templateKind;
        try {
            templateKind = TemplateKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "未知的通知类型：" + kind);
        }
        if (channels == null || channels.isEmpty()) {
            throw ProblemException.invalid("channels", "请至少选择一个发送渠道（SMS、EMAIL、PUSH）");
        }
        List<Channel> parsed = channels.stream().map(NoticeRequest::channel).distinct().toList();
        return new NoticeDraft(title, body, templateKind, audience == null ? null : audience.toAudience(), parsed,
                sendAt == null ? null : sendAt.toInstant(), requestReason, Boolean.TRUE.equals(fallback),
                Boolean.TRUE.equals(replyRequired));
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("channels", "未知的发送渠道：" + name);
        }
    }
}
