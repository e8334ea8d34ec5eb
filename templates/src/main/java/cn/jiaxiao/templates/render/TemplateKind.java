package cn.jiaxiao.templates.render;

import java.util.Locale;

/** The kinds of message the school sends; each has its own wording per channel. */
public enum TemplateKind {
    GENERAL,
    EMERGENCY;

    public static TemplateKind parse(String value) {
        if (value == null || value.isBlank()) {
            return GENERAL;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".ftl";
    }
}
