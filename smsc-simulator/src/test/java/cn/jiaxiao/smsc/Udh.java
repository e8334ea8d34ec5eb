package cn.jiaxiao.smsc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test-side construction of concatenated parts (independent of the simulator's parser). */
final class Udh {
    private Udh() {
    }

    static List<byte[]> ucs2Parts8(String text, int charsPerPart, int ref) {
        List<String> chunks = chunks(text, charsPerPart);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] header = {0x05, 0x00, 0x03, (byte) ref, (byte) chunks.size(), (byte) (i + 1)};
            out.add(concat(header, body));
        }
        return out;
    }

    static List<byte[]> ucs2Parts16(String text, int charsPerPart, int ref) {
        List<String> chunks = chunks(text, charsPerPart);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = chunks.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] header = {0x06, 0x08, 0x04, (byte) (ref >> 8), (byte) ref, (byte) chunks.size(), (byte) (i + 1)};
            out.add(concat(header, body));
        }
        return out;
    }

    static List<String> chunks(String text, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += n) {
            out.add(text.substring(i, Math.min(text.length(), i + n)));
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
