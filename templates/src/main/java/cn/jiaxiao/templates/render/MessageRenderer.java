package cn.jiaxiao.templates.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a message from the template for its kind and channel. Thread-safe: Freemarker caches the
 * parsed templates, and the configuration is never changed after construction.
 */
public final class MessageRenderer {

    private static final String ROOT = "/templates";

    private final Configuration freemarker;

    public MessageRenderer() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(MessageRenderer.class, ROOT);
        freemarker.setDefaultEncoding("UTF-8");
        // SMS is plain text: escaping would corrupt it. An undefined variable is a bug in a template,
        // never something to paper over with an empty string in a message to parents.
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    public String render(TemplateKind kind, TemplateChannel channel, Map<String, ?> model) {
        try {
            Template template = freemarker.getTemplate(channel.folder() + "/" + kind.fileName());
            StringWriter out = new StringWriter(256);
            template.process(model, out);
            return out.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Template missing for " + kind + "/" + channel, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + kind + "/" + channel + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
