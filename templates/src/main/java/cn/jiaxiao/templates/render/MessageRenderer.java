package cn.jiaxiao.templates.render;

import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
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
        return forNotice(notice).render(recipient, channel);
    }

    public RenderedMessage.Sms renderSms(NoticeModel notice, RecipientModel recipient) {
        return forNotice(notice).renderSms(recipient);
    }

    public RenderedMessage.Email renderEmail(NoticeModel notice, RecipientModel recipient) {
        return forNotice(notice).renderEmail(recipient);
    }

    public RenderedMessage.Push renderPush(NoticeModel notice, RecipientModel recipient) {
        return forNotice(notice).renderPush(recipient);
    }

    /** The notice's messages for any number of recipients, with what they share worked out once. */
    public NoticeRenderer forNotice(NoticeModel notice) {
        return new NoticeRenderer(this, notice);
    }

    /** The template of a part: the school's override, else the built-in one. */
    Template template(TemplateKind kind, TemplatePart part) {
        String source = templates.find(kind, part).orElseThrow(() -> new UncheckedIOException(
                "Template missing for " + kind + "/" + part, new FileNotFoundException(part.fileName())));
        return compile(kind.folder() + "/" + part.fileName(), part, source);
    }

    private String run(String name, TemplatePart part, String source, Map<String, ?> model) {
        return run(name, compile(name, part, source), model);
    }

    private Template compile(String name, TemplatePart part, String source) {
        try {
            return compiler.compile(name, part, source);
        } catch (IOException e) {
            throw new IllegalStateException("Template " + name + " does not compile: " + e.getMessage(), e);
        }
    }

    static String run(String name, Template template, Map<String, ?> model) {
        try {
            return TemplateCompiler.run(template, model);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
