package cn.jiaxiao.templates.override;

import cn.jiaxiao.templates.render.TemplateChannel;
import cn.jiaxiao.templates.render.TemplateKind;
import cn.jiaxiao.templates.render.TemplatePart;
import java.util.Objects;

/**
 * What a school's override replaces: one part of one kind. Stored as the two enum names, e.g.
 * {@code (ABSENCE, SMS_TEXT)}; {@link #parse} reads them back.
 */
public record TemplateKey(TemplateKind kind, TemplatePart part) {

    public TemplateKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(part, "part");
    }

    public TemplateChannel channel() {
        return part.channel();
    }

    public static TemplateKey parse(String kind, String part) {
        return new TemplateKey(TemplateKind.valueOf(kind), TemplatePart.valueOf(part));
    }
}
