package cn.jiaxiao.routes.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class MoPartsTest {

    static DeliverSm mo(int dataCoding, boolean udhi, byte[] shortMessage, OptionalParameter... tlvs) {
        DeliverSm sm = new DeliverSm();
        sm.setEsmClass((byte) (udhi ? 0x40 : 0x00));
        sm.setDataCoding((byte) dataCoding);
        sm.setSourceAddr("13800000001");
        sm.setDestAddress("1069000");
        sm.setShortMessage(shortMessage);
        sm.setOptionalParameters(tlvs);
        return sm;
    }

    static byte[] concat(byte[] header, byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(text);
        return out.toByteArray();
    }

    @Test
    void readsAnEightBitReferenceHeader() {
        byte[] text = "收到".getBytes(StandardCharsets.UTF_16BE);
        MoPart part = MoParts.partOf(mo(8, true, concat(new byte[] {5, 0, 3, (byte) 0xA7, 3, 2}, text))).orElseThrow();
        assertThat(part.reference()).isEqualTo(0xA7);
        assertThat(part.total()).isEqualTo(3);
        assertThat(part.number()).isEqualTo(2);
        assertThat(part.dataCoding()).isEqualTo(8);
        assertThat(part.payload()).isEqualTo(text);
    }

    @Test
    void readsASixteenBitReferenceHeaderAfterAnotherElement() {
        byte[] text = "ok".getBytes(StandardCharsets.US_ASCII);
        // a port-addressing element (IEI 0x05) first, then concatenation with a 16-bit reference
        byte[] header = {12, 5, 4, 0x0B, (byte) 0x84, 0x23, (byte) 0xF0, 8, 4, 0x12, 0x34, 2, 1};
        MoPart part = MoParts.partOf(mo(0, true, concat(header, text))).orElseThrow();
        assertThat(part.reference()).isEqualTo(0x1234);
        assertThat(part.total()).isEqualTo(2);
        assertThat(part.number()).isEqualTo(1);
        assertThat(part.payload()).isEqualTo(text);
    }

    @Test
    void readsSarTlvs() {
        byte[] text = "你好".getBytes(StandardCharsets.UTF_16BE);
        MoPart part = MoParts.partOf(mo(8, false, text,
                new OptionalParameter.Sar_msg_ref_num((short) 0xBEEF),
                new OptionalParameter.Sar_total_segments((byte) 2),
                new OptionalParameter.Sar_segment_seqnum((byte) 2))).orElseThrow();
        assertThat(part.reference()).isEqualTo(0xBEEF);
        assertThat(part.number()).isEqualTo(2);
        assertThat(part.payload()).isEqualTo(text);
    }

    @Test
    void aPlainMessageOrPartOneOfOneIsNoPart() {
        assertThat(MoParts.partOf(mo(0, false, "TD".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
        DeliverSm oneOfOne = mo(8, true, concat(new byte[] {5, 0, 3, 9, 1, 1}, "好".getBytes(StandardCharsets.UTF_16BE)));
        assertThat(MoParts.partOf(oneOfOne)).isEmpty();
        assertThat(MoText.decode(8, MoParts.text(oneOfOne))).isEqualTo("好");
    }

    @Test
    void takesMessagePayloadWhenShortMessageIsEmpty() {
        byte[] text = "长消息".getBytes(StandardCharsets.UTF_16BE);
        DeliverSm sm = mo(8, false, new byte[0], new OptionalParameter.OctetString(
                OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), text));
        assertThat(MoText.decode(8, MoParts.text(sm))).isEqualTo("长消息");
    }

    @Test
    void joinsUcs2BytesBeforeDecodingSoASurrogatePairCutBetweenPartsSurvives() {
        byte[] bytes = "好😀好".getBytes(StandardCharsets.UTF_16BE); // 2 + 4 + 2 bytes
        MoPart first = new MoPart(1, 2, 1, 8, java.util.Arrays.copyOfRange(bytes, 0, 4));
        MoPart second = new MoPart(1, 2, 2, 8, java.util.Arrays.copyOfRange(bytes, 4, 8));
        assertThat(MoText.join(List.of(first, second))).isEqualTo("好😀好");
    }

    @Test
    void decodesGsmAndLatin1() {
        assertThat(MoText.decode(0, new byte[] {0x00, 0x48, 0x69})).isEqualTo("@Hi");
        assertThat(MoText.decode(3, "café".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("café");
    }
}
