package cn.jiaxiao.templates.render;

import java.util.Locale;

/** A channel's templates live in their own folder, since each channel has its own format. */
public enum TemplateChannel {
    SMS;

    String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
