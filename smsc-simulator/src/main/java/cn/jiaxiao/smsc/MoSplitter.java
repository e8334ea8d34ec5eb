package cn.jiaxiao.smsc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a mobile-originated text the way a handset/SMSC would: ASCII in the default alphabet, anything
 * else in UCS-2, and split with an 8-bit-reference concatenation UDH when it does not fit one SMS.
 */
final class MoSplitter {
    /** One deliver_sm body. */
    record Part(byte[] shortMessage, int dataCoding, int esmClass) {
    }

    private static final int ASCII_SINGLE = 160;
    private static final int ASCII_PART = 153;
    private static final int UCS2_SINGLE = 70;
    private static final int UCS2_PART = 67;

    private MoSplitter() {
    }

    static List<Part> split(String text, int reference) {
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        int single = ascii ? ASCII_SINGLE : UCS2_SINGLE;
        int perPart = ascii ? ASCII_PART : UCS2_PART;
        int dataCoding = ascii ? 0x00 : 0x08;
        if (text.length() <= single) {
            return List.of(new Part(encode(text, ascii), dataCoding, 0x00));
        }
        List<String> chunks = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            int end = Math.min(text.length(), pos + perPart);
            // Never cut a surrogate pair in half: each part must decode on its own.
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(pos, end));
            pos = end;
        }
        if (chunks.size() > 255) {
            throw new IllegalArgumentException("text too long for one concatenated message");
        }
        List<Part> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = encode(chunks.get(i), ascii);
            byte[] sm = new byte[6 + body.length];
            sm[0] = 0x05;
            sm[1] = 0x00;
            sm[2] = 0x03;
            sm[3] = (byte) reference;
            sm[4] = (byte) chunks.size();
            sm[5] = (byte) (i + 1);
            System.arraycopy(body, 0, sm, 6, body.length);
            parts.add(new Part(sm, dataCoding, 0x40));
        }
        return parts;
    }

    private static byte[] encode(String text, boolean ascii) {
        return text.getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
    }
}
