package cn.jiaxiao.templates.render;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One template of a channel. A channel with several pieces (e-mail: subject, HTML, text) has one template
 * per piece, so a school can override just the subject. Stored overrides are keyed by kind and part.
 */
public enum TemplatePart {
    SMS_TEXT(TemplateChannel.SMS, false),
    EMAIL_SUBJECT(TemplateChannel.EMAIL, false),
    /** The only part rendered with HTML auto-escaping: user content can't inject markup. */
    EMAIL_HTML(TemplateChannel.EMAIL, true),
    EMAIL_TEXT(TemplateChannel.EMAIL, false),
    PUSH_TITLE(TemplateChannel.PUSH, false),
    PUSH_BODY(TemplateChannel.PUSH, false);

    private final TemplateChannel channel;
    private final boolean html;

    TemplatePart(TemplateChannel channel, boolean html) {
        this.channel = channel;
        this.html = html;
    }

    public TemplateChannel channel() {
        return channel;
    }

    public boolean html() {
        return html;
    }

    /** File name of the built-in template inside the kind's folder: {@code email-html.ftlh}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + (html ? ".ftlh" : ".ftl");
    }

    public static List<TemplatePart> of(TemplateChannel channel) {
        return Arrays.stream(values()).filter(part -> part.channel == channel).toList();
    }

    /** The single part of a one-part channel (SMS); e-mail and push have several, so the part must be named. */
    public static TemplatePart onlyPartOf(TemplateChannel channel) {
        List<TemplatePart> parts = of(channel);
        if (parts.size() != 1) {
            throw new IllegalArgumentException("Channel " + channel + " has several parts, name one of " + parts);
        }
        return parts.get(0);
    }
}
