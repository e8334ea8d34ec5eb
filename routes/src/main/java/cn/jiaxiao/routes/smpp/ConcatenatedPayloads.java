package cn.jiaxiao.routes.smpp;

import cn.jiaxiao.templates.sms.Gsm7Alphabet;
import cn.jiaxiao.templates.sms.SmsEncoding;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a text's parts for submit_sm: UCS-2 big-endian or unpacked GSM 7-bit, and, when there is more
 * than one part, a concatenation user data header (IEI 0x00, 8-bit reference) in front of each.
 */
public final class ConcatenatedPayloads {

    private static final int UDH_LENGTH = 6;

    private ConcatenatedPayloads() {
    }

    public static List<SmsPayload> encode(SmsSegments segments, int reference) {
        List<SmsPayload> payloads = new ArrayList<>(segments.count());
        int total = segments.count();
        for (int i = 0; i < total; i++) {
            byte[] text = bytes(segments.parts().get(i), segments.encoding());
            if (total == 1) {
                payloads.add(new SmsPayload(segments.encoding().dataCoding(), text, false));
            } else {
                ByteBuffer part = ByteBuffer.allocate(UDH_LENGTH + text.length)
                        .put((byte) 0x05).put((byte) 0x00).put((byte) 0x03)
                        .put((byte) reference).put((byte) total).put((byte) (i + 1))
                        .put(text);
                payloads.add(new SmsPayload(segments.encoding().dataCoding(), part.array(), true));
            }
        }
        return payloads;
    }

    private static byte[] bytes(String text, SmsEncoding encoding) {
        return encoding == SmsEncoding.UCS2 ? text.getBytes(StandardCharsets.UTF_16BE)
                : Gsm7Alphabet.encodeUnpacked(text);
    }
}
