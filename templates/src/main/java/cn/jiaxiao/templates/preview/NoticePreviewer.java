package cn.jiaxiao.templates.preview;

import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.model.SampleModels;
import cn.jiaxiao.templates.render.MessageRenderer;

/**
 * Renders a notice on every channel for one recipient, with the school's overrides applied when the
 * renderer has them, so the preview shows exactly what will be sent.
 */
public final class NoticePreviewer {

    private final MessageRenderer renderer;

    public NoticePreviewer(MessageRenderer renderer) {
        this.renderer = renderer;
    }

    public NoticePreview preview(NoticeModel notice, RecipientModel recipient) {
        return new NoticePreview(
                SmsPreview.of(renderer.renderSms(notice, recipient).text()),
                renderer.renderEmail(notice, recipient),
                renderer.renderPush(notice, recipient));
    }

    /** Before an audience is chosen: a guardian of two children, or the approver for approval requests. */
    public NoticePreview preview(NoticeModel notice) {
        return preview(notice, SampleModels.recipientFor(notice.kind()));
    }
}
