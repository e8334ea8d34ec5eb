package cn.jiaxiao.routes.smpp;

import cn.jiaxiao.templates.sms.Gsm7Alphabet;
import cn.jiaxiao.templates.sms.SmsEncoding;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;

/**
 * Encodes a text for submit_sm: UCS-2 big-endian or unpacked GSM 7-bit, and, when it is long, in the
 * connection's way of concatenating: a user data header with an 8- or 16-bit reference, SAR TLVs, or the
 * whole text in message_payload.
 */
public final class ConcatenatedPayloads {

    private ConcatenatedPayloads() {
    }

    public static List<SmsPayload> encode(SmsSegments segments, int reference) {
        return encode(String.join("", segments.parts()), segments.encoding(), reference, Concatenation.UDH8);
    }

    public static List<SmsPayload> encode(String text, SmsEncoding encoding, int reference, Concatenation mode) {
        int dataCoding = encoding.dataCoding();
        SmsSegments segments = mode == Concatenation.UDH16
                ? SmsSegments.of(text, encoding, encoding.concatenatedPartUnits() - 1)
                : SmsSegments.of(text, encoding);
        if (!segments.concatenated()) {
            return List.of(new SmsPayload(dataCoding, bytes(text, encoding), false));
        }
        if (mode == Concatenation.PAYLOAD) {
            return List.of(new SmsPayload(dataCoding, new byte[0], false,
                    new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(),
                            bytes(text, encoding))));
        }
        int total = segments.count();
        List<SmsPayload> payloads = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] part = bytes(segments.parts().get(i), encoding);
            int seq = i + 1;
            payloads.add(switch (mode) {
                case UDH8 -> new SmsPayload(dataCoding, ByteBuffer.allocate(6 + part.length)
                        .put((byte) 0x05).put((byte) 0x00).put((byte) 0x03)
                        .put((byte) reference).put((byte) total).put((byte) seq).put(part).array(), true);
                case UDH16 -> new SmsPayload(dataCoding, ByteBuffer.allocate(7 + part.length)
                        .put((byte) 0x06).put((byte) 0x08).put((byte) 0x04)
                        .put((byte) (reference >> 8)).put((byte) reference).put((byte) total).put((byte) seq)
                        .put(part).array(), true);
                case SAR -> new SmsPayload(dataCoding, part, false,
                        new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM.code(), (short) reference),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS.code(), (byte) total),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM.code(), (byte) seq));
                case PAYLOAD -> throw new IllegalStateException("handled above");
            });
        }
        return payloads;
    }

    private static byte[] bytes(String text, SmsEncoding encoding) {
        return encoding == SmsEncoding.UCS2 ? text.getBytes(StandardCharsets.UTF_16BE)
                : Gsm7Alphabet.encodeUnpacked(text);
    }
}
