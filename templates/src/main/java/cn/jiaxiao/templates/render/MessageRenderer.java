package cn.jiaxiao.templates.render;

import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.model.TemplateVariables;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a message from the template for its kind and channel: the school's override when it has one,
 * the built-in wording otherwise. Thread-safe; cheap to create per school, since compiled templates are
 * cached in the shared {@link TemplateCompiler}.
 */
public final class MessageRenderer {

    private final TemplateSource templates;
    private final BuiltInTemplates builtIn = new BuiltInTemplates();
    private final TemplateCompiler compiler;

    /** Built-in templates only. */
    public MessageRenderer() {
        this(TemplateSource.none());
    }

    /** A school's overrides first, then the built-in templates for any part the school did not override. */
    public MessageRenderer(TemplateSource overrides) {
        this(overrides, TemplateCompiler.shared());
    }

    MessageRenderer(TemplateSource overrides, TemplateCompiler compiler) {
        this.templates = overrides.orElse(builtIn);
        this.compiler = compiler;
    }

    /**
     * One text for every recipient, from the model the caller gives (at least {@code signature} and
     * {@code body}); no salutation, since it is the same for all. Only SMS has such templates; school
     * overrides don't apply. Use {@link #render(NoticeModel, RecipientModel, TemplateChannel)} for
     * personalised messages.
     */
    public String render(TemplateKind kind, TemplateChannel channel, Map<String, ?> model) {
        String name = "broadcast/" + channel.folder() + "/" + kind.fileName();
        String source = builtIn.broadcast(kind, channel).orElseThrow(() -> new UncheckedIOException(
                "Template missing for " + kind + "/" + channel, new FileNotFoundException(name)));
        return run(name, TemplatePart.onlyPartOf(TemplateChannel.SMS), source, model);
    }

    /** One recipient's message on one channel. */
    public RenderedMessage render(NoticeModel notice, RecipientModel recipient, TemplateChannel channel) {
        Map<String, Object> model = TemplateVariables.of(notice, recipient);
        TemplateKind kind = notice.kind();
        return switch (channel) {
            case SMS -> new RenderedMessage.Sms(part(kind, TemplatePart.SMS_TEXT, model));
            case EMAIL -> new RenderedMessage.Email(
                    part(kind, TemplatePart.EMAIL_SUBJECT, model),
                    part(kind, TemplatePart.EMAIL_HTML, model),
                    part(kind, TemplatePart.EMAIL_TEXT, model));
            case PUSH -> new RenderedMessage.Push(
                    part(kind, TemplatePart.PUSH_TITLE, model),
                    part(kind, TemplatePart.PUSH_BODY, model),
                    PushData.of(notice));
        };
    }

    public RenderedMessage.Sms renderSms(NoticeModel notice, RecipientModel recipient) {
        return (RenderedMessage.Sms) render(notice, recipient, TemplateChannel.SMS);
    }

    public RenderedMessage.Email renderEmail(NoticeModel notice, RecipientModel recipient) {
        return (RenderedMessage.Email) render(notice, recipient, TemplateChannel.EMAIL);
    }

    public RenderedMessage.Push renderPush(NoticeModel notice, RecipientModel recipient) {
        return (RenderedMessage.Push) render(notice, recipient, TemplateChannel.PUSH);
    }

    private String part(TemplateKind kind, TemplatePart part, Map<String, ?> model) {
        String source = templates.find(kind, part).orElseThrow(() -> new UncheckedIOException(
                "Template missing for " + kind + "/" + part, new FileNotFoundException(part.fileName())));
        return run(kind.folder() + "/" + part.fileName(), part, source, model);
    }

    private String run(String name, TemplatePart part, String source, Map<String, ?> model) {
        try {
            Template template = compiler.compile(name, part, source);
            return TemplateCompiler.run(template, model);
        } catch (IOException e) {
            throw new IllegalStateException("Template " + name + " does not compile: " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
