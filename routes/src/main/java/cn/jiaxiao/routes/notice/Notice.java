package cn.jiaxiao.routes.notice;

import cn.jiaxiao.templates.render.TemplateKind;
import java.time.Instant;
import java.util.List;

public record Notice(long id, String title, String body, TemplateKind kind, Audience audience,
        List<Channel> channels, NoticeStatus status, long drafterId, String contentHash, Integer recipientCount,
        Instant createdAt, Instant approvedAt, Instant sendingAt, Instant finishedAt) {
}
