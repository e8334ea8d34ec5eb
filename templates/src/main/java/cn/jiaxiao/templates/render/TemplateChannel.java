package cn.jiaxiao.templates.render;

import java.util.Locale;

/** A channel's templates live in their own folder, since each channel has its own format. */
public enum TemplateChannel {
    /** Plain text behind the 【signature】 the carrier requires. */
    SMS,
    /** Subject, HTML body and a plain-text alternative. */
    EMAIL,
    /** App notification: title, body and a data payload for the app. */
    PUSH;

    String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
