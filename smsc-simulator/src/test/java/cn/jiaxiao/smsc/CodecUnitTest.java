package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecUnitTest {

    @Test
    void masksPhoneNumbers() {
        assertThat(PhoneMask.mask("13800001234")).isEqualTo("138****1234");
        assertThat(PhoneMask.mask("8613800001234")).isEqualTo("861****1234");
        assertThat(PhoneMask.mask("12345")).isEqualTo("****45");
        assertThat(PhoneMask.mask(null)).isEqualTo("null");
    }

    @Test
    void udhWithOtherInformationElementsBeforeConcatenationIsParsed() {
        // IE 0x24 (national language) first, then 0x00 concat.
        byte[] sm = {0x08, 0x24, 0x01, 0x01, 0x00, 0x03, 0x42, 0x02, 0x02, 0x00, 0x41};
        Segment s = SegmentParser.parse(sm, 0x40, null);
        assertThat(s.reference()).isEqualTo("u8:66");
        assertThat(s.total()).isEqualTo(2);
        assertThat(s.sequence()).isEqualTo(2);
        assertThat(s.payload()).containsExactly(0x00, 0x41);
    }

    @Test
    void badSegmentNumbersAreRejected() {
        assertThatThrownBy(() -> SegmentParser.parse(new byte[] {0x05, 0x00, 0x03, 1, 2, 3}, 0x40, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentParser.parse(new byte[] {0x05, 0x00, 0x03, 1}, 0x40, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void surrogatePairSplitAcrossPartsIsReassembled() {
        byte[] all = "a😀b".getBytes(StandardCharsets.UTF_16BE);
        Reassembler r = new Reassembler();
        byte[] p1 = java.util.Arrays.copyOfRange(all, 0, 4);
        byte[] p2 = java.util.Arrays.copyOfRange(all, 4, all.length);
        assertThat(r.add(part(p1, 1))).isEmpty();
        ReceivedMessage m = r.add(part(p2, 2)).orElseThrow();
        assertThat(m.text()).isEqualTo("a😀b");
        assertThat(m.messageIds()).containsExactly("id1", "id2");
    }

    private static Reassembler.Part part(byte[] payload, int seq) {
        return new Reassembler.Part("sys", "src", "dst", new Segment(payload, "u8:1", 2, seq), 8, 0, 0x40, "id" + seq);
    }

    @Test
    void moSplitterNeverCutsSurrogatePairs() {
        String text = "x" + "😀".repeat(80);
        List<MoSplitter.Part> parts = MoSplitter.split(text, 7);
        StringBuilder sb = new StringBuilder();
        for (MoSplitter.Part p : parts) {
            byte[] body = java.util.Arrays.copyOfRange(p.shortMessage(), 6, p.shortMessage().length);
            String chunk = new String(body, StandardCharsets.UTF_16BE);
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
            sb.append(chunk);
        }
        assertThat(sb.toString()).isEqualTo(text);
        assertThat(MoSplitter.split("a".repeat(160), 1)).hasSize(1);
        assertThat(MoSplitter.split("a".repeat(161), 1)).hasSize(2);
        assertThat(MoSplitter.split("中".repeat(70), 1)).hasSize(1);
        assertThat(MoSplitter.split("中".repeat(71), 1)).hasSize(2);
    }

    @Test
    void receiptTextFormat() {
        Instant t = Instant.parse("2026-03-01T08:30:00Z");
        String s = ReceiptText.build("abc", "UNDELIV", t, t, "家长会 notice, please come on time");
        assertThat(s).matches("id:abc sub:001 dlvrd:000 submit date:\\d{10} done date:\\d{10} stat:UNDELIV err:001 "
                + "text:\\?\\?\\? notice, please c");
        assertThat(ReceiptText.messageState("DELIVRD")).isEqualTo((byte) 2);
        assertThat(ReceiptText.messageState("UNDELIV")).isEqualTo((byte) 5);
    }

    @Test
    void commandLineParsing() {
        SimulatorConfig c = SmscSimulatorMain.parse(new String[] {"--smpp-port", "2776", "--http-port", "-1",
                "--system-id", "X", "--password", "Y", "--receipt-delay-ms", "50", "--throttle-tps", "7"});
        assertThat(c.smppPort()).isEqualTo(2776);
        assertThat(c.httpPort()).isEqualTo(-1);
        assertThat(c.systemId()).isEqualTo("X");
        assertThat(c.password()).isEqualTo("Y");
        assertThat(c.receiptDelay().toMillis()).isEqualTo(50);
        assertThat(c.throttleTps()).isEqualTo(7);
        assertThat(SmscSimulatorMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> SmscSimulatorMain.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
