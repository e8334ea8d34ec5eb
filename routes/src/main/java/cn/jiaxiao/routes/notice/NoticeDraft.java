package cn.jiaxiao.routes.notice;

import cn.jiaxiao.templates.render.TemplateKind;
import java.time.Instant;
import java.util.List;

/**
 * What a drafter asks to send: content, audience, channels, an optional send time and, for a department's
 * filed request, its reason (书面申请); {@code fallback}: push first, SMS only to whom the push didn't reach;
 * {@code replyRequired}: guardians are asked to confirm receipt by SMS (请回复1确认收到).
 */
public record NoticeDraft(String title, String body, TemplateKind kind, Audience audience, List<Channel> channels,
        Instant sendAt, String requestReason, boolean fallback, boolean replyRequired) {

    public NoticeDraft {
        channels = List.copyOf(channels);
    }

    public NoticeDraft(String title, String body, TemplateKind kind, Audience audience, List<Channel> channels,
            Instant sendAt, String requestReason, boolean fallback) {
        this(title, body, kind, audience, channels, sendAt, requestReason, fallback, false);
    }

    public NoticeDraft(String title, String body, TemplateKind kind, Audience audience, List<Channel> channels,
            Instant sendAt, String requestReason) {
        this(title, body, kind, audience, channels, sendAt, requestReason, false);
    }

    public NoticeDraft(String title, String body, TemplateKind kind, Audience audience, List<Channel> channels) {
        this(title, body, kind, audience, channels, null, null);
    }
}
