package cn.jiaxiao.routes.notice;

import cn.jiaxiao.templates.render.TemplateKind;
import java.time.Instant;
import java.util.List;

public record Notice(long id, String title, String body, TemplateKind kind, Audience audience,
        List<Channel> channels, NoticeStatus status, long drafterId, String contentHash, Integer recipientCount,
        Instant createdAt, Instant approvedAt, Instant sendingAt, Instant finishedAt, Instant sendAt,
        String requestReason, String rejectionReason, Instant filedAt, Instant releasedAt, int approvalRound,
        boolean fallback, boolean replyRequired) {

    public Notice(long id, String title, String body, TemplateKind kind, Audience audience,
            List<Channel> channels, NoticeStatus status, long drafterId, String contentHash, Integer recipientCount,
            Instant createdAt, Instant approvedAt, Instant sendingAt, Instant finishedAt, Instant sendAt,
            String requestReason, String rejectionReason, Instant filedAt, Instant releasedAt, int approvalRound,
            boolean fallback) {
        this(id, title, body, kind, audience, channels, status, drafterId, contentHash, recipientCount, createdAt,
                approvedAt, sendingAt, finishedAt, sendAt, requestReason, rejectionReason, filedAt, releasedAt,
                approvalRound, fallback, false);
    }

    /** A department's filed request (书面申请): it carries its reason, and its sender releases it himself. */
    public boolean isFiledRequest() {
        return requestReason != null;
    }

    public boolean isEmergency() {
        return kind == TemplateKind.EMERGENCY;
    }
}
