package cn.jiaxiao.templates.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text splits into SMS parts: the encoding, and the text of each part. Used by sending, preview,
 * cost estimate and quotas alike, so every one of them counts the same number of parts.
 *
 * <p>A part never ends between the two halves of a surrogate pair (UCS-2) nor between a GSM escape and
 * its extension character, so each part decodes on its own on the handset.
 */
public record SmsSegments(SmsEncoding encoding, List<String> parts) {

    public SmsSegments {
        parts = List.copyOf(parts);
    }

    public int count() {
        return parts.size();
    }

    public boolean concatenated() {
        return parts.size() > 1;
    }

    public static SmsSegments of(String text) {
        return of(text, SmsEncoding.of(text));
    }

    public static SmsSegments of(String text, SmsEncoding encoding) {
        return of(text, encoding, encoding.concatenatedPartUnits());
    }

    /** Split with another room per part, e.g. one unit less where a 16-bit reference header takes 7 bytes. */
    public static SmsSegments of(String text, SmsEncoding encoding, int unitsPerPart) {
        if (units(text, encoding) <= encoding.singlePartUnits()) {
            return new SmsSegments(encoding, List.of(text));
        }
        int limit = unitsPerPart;
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int width = charWidth(text, i, encoding);
            int units = unitsAt(text, i, encoding);
            if (used + units > limit) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += units;
            i += width;
        }
        parts.add(text.substring(start));
        return new SmsSegments(encoding, parts);
    }

    /** Length of a text in the encoding's units: septets for GSM 7-bit, UTF-16 code units for UCS-2. */
    public static int units(String text, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += Gsm7Alphabet.septetsOf(text.charAt(i));
        }
        return septets;
    }

    private static int charWidth(String text, int i, SmsEncoding encoding) {
        return encoding == SmsEncoding.UCS2 && Character.isHighSurrogate(text.charAt(i))
                && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }

    private static int unitsAt(String text, int i, SmsEncoding encoding) {
        return encoding == SmsEncoding.UCS2 ? charWidth(text, i, encoding) : Gsm7Alphabet.septetsOf(text.charAt(i));
    }
}
