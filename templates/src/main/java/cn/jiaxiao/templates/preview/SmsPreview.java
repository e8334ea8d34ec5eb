package cn.jiaxiao.templates.preview;

import cn.jiaxiao.templates.sms.SmsEncoding;
import cn.jiaxiao.templates.sms.SmsSegments;

/**
 * An SMS as the handset will get it, and what it costs: the same {@link SmsSegments} sending and quotas
 * count with, so the preview never promises fewer parts than are billed.
 */
public record SmsPreview(String text, SmsSegments segments) {

    public static SmsPreview of(String text) {
        return new SmsPreview(text, SmsSegments.of(text));
    }

    public int segmentCount() {
        return segments.count();
    }

    public SmsEncoding encoding() {
        return segments.encoding();
    }

    /** Characters as the carrier counts them: septets for GSM7, UTF-16 units for UCS2. */
    public int length() {
        return SmsSegments.units(text, segments.encoding());
    }
}
