package cn.jiaxiao.routes.smpp;

import java.util.Arrays;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Reads what a mobile-originated deliver_sm carries: its user data (from short_message, or from
 * message_payload when short_message is empty) and, when it is one part of several, where it belongs —
 * from a concatenation header (IEI 0x00 with an 8-bit reference, 0x08 with a 16-bit one) or the SAR TLVs.
 */
final class MoParts {

    private static final int IEI_CONCAT_8BIT = 0x00;
    private static final int IEI_CONCAT_16BIT = 0x08;

    private MoParts() {
    }

    /** The part, when the deliver_sm is one of several; empty for a message complete in itself. */
    static Optional<MoPart> partOf(DeliverSm sm) {
        byte[] data = userData(sm);
        int dataCoding = sm.getDataCoding() & 0xFF;
        if (sm.isUdhi() && data.length > 0) {
            int headerEnd = Math.min(data.length, (data[0] & 0xFF) + 1);
            byte[] text = Arrays.copyOfRange(data, headerEnd, data.length);
            Optional<MoPart> fromHeader = fromHeader(data, headerEnd, dataCoding, text);
            if (fromHeader.isPresent()) {
                return fromHeader;
            }
            return fromSar(sm, dataCoding, text);
        }
        return fromSar(sm, dataCoding, data);
    }

    /** The user data without any header, for a message that is not a part. */
    static byte[] text(DeliverSm sm) {
        byte[] data = userData(sm);
        if (sm.isUdhi() && data.length > 0) {
            int headerEnd = Math.min(data.length, (data[0] & 0xFF) + 1);
            return Arrays.copyOfRange(data, headerEnd, data.length);
        }
        return data;
    }

    private static byte[] userData(DeliverSm sm) {
        byte[] shortMessage = sm.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        if (sm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD)
                instanceof OptionalParameter.OctetString payload && payload.getValue() != null) {
            return payload.getValue();
        }
        return new byte[0];
    }

    private static Optional<MoPart> fromHeader(byte[] data, int headerEnd, int dataCoding, byte[] text) {
        int i = 1;
        while (i + 1 < headerEnd) {
            int iei = data[i] & 0xFF;
            int length = data[i + 1] & 0xFF;
            int value = i + 2;
            if (value + length > headerEnd) {
                break; // a malformed header: read no further than it claims
            }
            if (iei == IEI_CONCAT_8BIT && length == 3) {
                return part(data[value] & 0xFF, data[value + 1] & 0xFF, data[value + 2] & 0xFF, dataCoding, text);
            }
            if (iei == IEI_CONCAT_16BIT && length == 4) {
                int reference = ((data[value] & 0xFF) << 8) | (data[value + 1] & 0xFF);
                return part(reference, data[value + 2] & 0xFF, data[value + 3] & 0xFF, dataCoding, text);
            }
            i = value + length;
        }
        return Optional.empty();
    }

    private static Optional<MoPart> fromSar(DeliverSm sm, int dataCoding, byte[] text) {
        if (sm.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM) instanceof OptionalParameter.Short ref
                && sm.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS)
                        instanceof OptionalParameter.Byte total
                && sm.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM)
                        instanceof OptionalParameter.Byte seq) {
            return part(ref.getValue() & 0xFFFF, total.getValue() & 0xFF, seq.getValue() & 0xFF, dataCoding, text);
        }
        return Optional.empty();
    }

    /** A "part 1 of 1", or numbers that make no sense, are read as a message complete in itself. */
    private static Optional<MoPart> part(int reference, int total, int number, int dataCoding, byte[] text) {
        if (total < 2 || number < 1 || number > total) {
            return Optional.empty();
        }
        return Optional.of(new MoPart(reference, total, number, dataCoding, text));
    }
}
