package cn.jiaxiao.templates.sms;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet and its extension table. Extension characters take two septets
 * (escape + code), which is why they count twice against a part.
 */
public final class Gsm7Alphabet {

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};
    private static final int ESCAPE = 0x1B;

    private Gsm7Alphabet() {
    }

    public static boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (septetsOf(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets a character takes: 1 for the basic table, 2 for the extension table, 0 when it can't be encoded. */
    public static int septetsOf(char c) {
        if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION_CHARS.indexOf(c) >= 0 ? 2 : 0;
    }

    /** Unpacked septets (one per byte), as SMPP's data_coding 0 carries them to most SMSCs. */
    public static byte[] encodeUnpacked(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int ext = EXTENSION_CHARS.indexOf(c);
            if (ext < 0) {
                throw new IllegalArgumentException("Not in the GSM 7-bit alphabet: U+" + Integer.toHexString(c));
            }
            out.write(ESCAPE);
            out.write(EXTENSION_CODES[ext]);
        }
        return out.toByteArray();
    }

    /** Inverse of {@link #encodeUnpacked}; unknown codes decode to '?'. */
    public static String decodeUnpacked(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int code = septets[i] & 0x7F;
            if (code == ESCAPE && i + 1 < septets.length) {
                int next = septets[++i] & 0x7F;
                int ext = indexOf(EXTENSION_CODES, next);
                text.append(ext >= 0 ? EXTENSION_CHARS.charAt(ext) : '?');
            } else {
                text.append(code < BASIC.length() ? BASIC.charAt(code) : '?');
            }
        }
        return text.toString();
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
