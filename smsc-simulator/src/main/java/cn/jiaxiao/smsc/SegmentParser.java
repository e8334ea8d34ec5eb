package cn.jiaxiao.smsc;

import java.util.Arrays;
import org.jsmpp.bean.OptionalParameter;

/**
 * Reads the concatenation information of a submit_sm from the raw bytes: UDH (IE 0x00 / 0x08) when
 * esm_class has UDHI, otherwise the SAR TLVs. TLVs are read from their wire form rather than through
 * jsmpp's typed classes so that a wrongly sized TLV from the gateway is noticed.
 */
final class SegmentParser {
    static final short TAG_SAR_MSG_REF_NUM = 0x020C;
    static final short TAG_SAR_TOTAL_SEGMENTS = 0x020E;
    static final short TAG_SAR_SEGMENT_SEQNUM = 0x020F;
    static final short TAG_MESSAGE_PAYLOAD = 0x0424;

    private SegmentParser() {
    }

    static Segment parse(byte[] shortMessage, int esmClass, OptionalParameter[] tlvs) {
        byte[] body = shortMessage == null ? new byte[0] : shortMessage;
        byte[] payloadTlv = tlvValue(tlvs, TAG_MESSAGE_PAYLOAD);
        if (payloadTlv != null && body.length == 0) {
            body = payloadTlv;
        }
        if ((esmClass & 0x40) != 0) {
            return parseUdh(body);
        }
        byte[] ref = tlvValue(tlvs, TAG_SAR_MSG_REF_NUM);
        byte[] total = tlvValue(tlvs, TAG_SAR_TOTAL_SEGMENTS);
        byte[] seq = tlvValue(tlvs, TAG_SAR_SEGMENT_SEQNUM);
        if (ref != null || total != null || seq != null) {
            if (ref == null || total == null || seq == null || ref.length != 2 || total.length != 1 || seq.length != 1) {
                throw new IllegalArgumentException("incomplete or malformed SAR TLVs");
            }
            int r = ((ref[0] & 0xFF) << 8) | (ref[1] & 0xFF);
            return checked(body, "sar:" + r, total[0] & 0xFF, seq[0] & 0xFF);
        }
        return new Segment(body, null, 1, 1);
    }

    private static Segment parseUdh(byte[] body) {
        if (body.length < 1) {
            throw new IllegalArgumentException("UDHI set but message is empty");
        }
        int udhl = body[0] & 0xFF;
        if (1 + udhl > body.length) {
            throw new IllegalArgumentException("UDH length " + udhl + " exceeds message length " + body.length);
        }
        byte[] payload = Arrays.copyOfRange(body, 1 + udhl, body.length);
        int pos = 1;
        int end = 1 + udhl;
        while (pos + 2 <= end) {
            int iei = body[pos] & 0xFF;
            int len = body[pos + 1] & 0xFF;
            int data = pos + 2;
            if (data + len > end) {
                throw new IllegalArgumentException("UDH information element overruns the header");
            }
            if (iei == 0x00 && len == 3) {
                return checked(payload, "u8:" + (body[data] & 0xFF), body[data + 1] & 0xFF, body[data + 2] & 0xFF);
            }
            if (iei == 0x08 && len == 4) {
                int ref = ((body[data] & 0xFF) << 8) | (body[data + 1] & 0xFF);
                return checked(payload, "u16:" + ref, body[data + 2] & 0xFF, body[data + 3] & 0xFF);
            }
            pos = data + len;
        }
        return new Segment(payload, null, 1, 1);
    }

    private static Segment checked(byte[] payload, String ref, int total, int seq) {
        if (total < 1 || seq < 1 || seq > total) {
            throw new IllegalArgumentException("bad segment " + seq + "/" + total);
        }
        return new Segment(payload, ref, total, seq);
    }

    static byte[] tlvValue(OptionalParameter[] tlvs, short tag) {
        if (tlvs == null) {
            return null;
        }
        for (OptionalParameter p : tlvs) {
            if (p != null && p.tag == tag) {
                byte[] wire = p.serialize();
                return Arrays.copyOfRange(wire, 4, wire.length);
            }
        }
        return null;
    }
}
