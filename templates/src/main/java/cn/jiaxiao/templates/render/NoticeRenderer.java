package cn.jiaxiao.templates.render;

import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.model.TemplateVariables;
import freemarker.template.Template;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One notice's messages, recipient after recipient: its variables and templates are looked up once, not for each
 * of a district's 100,000 guardians. The templates are those of the {@link MessageRenderer} it came from, each
 * looked up the first time a message needs it, so a part no message uses is never compiled (nor fails to).
 * Thread-safe.
 */
public final class NoticeRenderer {

    private final MessageRenderer renderer;
    private final NoticeModel notice;
    private final TemplateVariables.OfNotice variables;
    private final Map<TemplatePart, Template> templates = new ConcurrentHashMap<>();

    NoticeRenderer(MessageRenderer renderer, NoticeModel notice) {
        this.renderer = renderer;
        this.notice = notice;
        this.variables = TemplateVariables.forNotice(notice);
    }

    public RenderedMessage render(RecipientModel recipient, TemplateChannel channel) {
        Map<String, Object> model = variables.with(recipient);
        return switch (channel) {
            case SMS -> new RenderedMessage.Sms(part(TemplatePart.SMS_TEXT, model));
            case EMAIL -> new RenderedMessage.Email(
                    part(TemplatePart.EMAIL_SUBJECT, model),
                    part(TemplatePart.EMAIL_HTML, model),
                    part(TemplatePart.EMAIL_TEXT, model));
            case PUSH -> new RenderedMessage.Push(
                    part(TemplatePart.PUSH_TITLE, model),
                    part(TemplatePart.PUSH_BODY, model),
                    PushData.of(notice));
        };
    }

    public RenderedMessage.Sms renderSms(RecipientModel recipient) {
        return (RenderedMessage.Sms) render(recipient, TemplateChannel.SMS);
    }

    public RenderedMessage.Email renderEmail(RecipientModel recipient) {
        return (RenderedMessage.Email) render(recipient, TemplateChannel.EMAIL);
    }

    public RenderedMessage.Push renderPush(RecipientModel recipient) {
        return (RenderedMessage.Push) render(recipient, TemplateChannel.PUSH);
    }

    private String part(TemplatePart part, Map<String, Object> model) {
        Template template = templates.computeIfAbsent(part, p -> renderer.template(notice.kind(), p));
        return MessageRenderer.run(notice.kind().folder() + "/" + part.fileName(), template, model);
    }
}
