package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReceiptTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private SmscSimulator sim;

    private SmscSimulator start(SimulatorConfig.Builder b) throws Exception {
        sim = SmscSimulator.start(b.smppPort(0).httpPort(-1).receiptDelay(Duration.ofMillis(20)).build());
        return sim;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ReceiptIdFormat.class)
    void receiptCarriesTheIdInTextPerFormatAndExactlyInTheTlv(ReceiptIdFormat format) throws Exception {
        start(SimulatorConfig.builder().receiptIdFormat(format));
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            String id = esme.submit("1069000", "13800001234", "Hello".getBytes(StandardCharsets.US_ASCII), 0, 0, 1);
            DeliverSm receipt = esme.awaitDeliver(WAIT);
            String text = new String(receipt.getShortMessage(), StandardCharsets.US_ASCII);
            long numeric = Long.parseLong(id, 16);
            String expected = switch (format) {
                case SAME -> id;
                case DECIMAL -> Long.toString(numeric);
                case HEX_UPPER -> id.toUpperCase();
                case LEADING_ZEROS -> "0".repeat(20 - id.length()) + id;
            };
            assertThat(text).startsWith("id:" + expected + " sub:001 dlvrd:001 submit date:")
                    .contains(" stat:DELIVRD err:000 text:Hello")
                    .matches("id:\\S+ sub:001 dlvrd:001 submit date:\\d{10} done date:\\d{10} stat:DELIVRD err:000 text:Hello");
            assertThat(receipt.getEsmClass() & 0xFF).isEqualTo(0x04);
            assertThat(receipt.getSourceAddr()).isEqualTo("13800001234");
            assertThat(receipt.getDestAddress()).isEqualTo("1069000");
            assertThat(receipt.getDataCoding()).isEqualTo((byte) 0);
            assertThat(tlvString(receipt, (short) 0x001E)).isEqualTo(id);
            assertThat(tlvBytes(receipt, (short) 0x0427)).containsExactly(2);
        }
    }

    @ParameterizedTest
    @EnumSource(MessageIdFormat.class)
    void submitRespIdFollowsMessageIdFormatAndReceiptRepeatsIt(MessageIdFormat format) throws Exception {
        start(SimulatorConfig.builder().messageIdFormat(format));
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            String id = esme.submit("1069000", "13800001234", "x".getBytes(StandardCharsets.US_ASCII), 0, 0, 1);
            switch (format) {
                case HEX_LOWER -> assertThat(id).matches("[0-9a-f]+");
                case HEX_UPPER -> assertThat(id).matches("[0-9A-F]+");
                case DECIMAL -> assertThat(id).matches("[0-9]+");
            }
            DeliverSm receipt = esme.awaitDeliver(WAIT);
            assertThat(new String(receipt.getShortMessage(), StandardCharsets.US_ASCII)).startsWith("id:" + id + " ");
            assertThat(tlvString(receipt, (short) 0x001E)).isEqualTo(id);
        }
    }

    @Test
    void undeliverableDestinationGetsUndelivWithoutTlvsWhenDisabled() throws Exception {
        start(SimulatorConfig.builder().undeliverableDestinations(Set.of("13900000000")).receiptTlvs(false));
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            esme.submit("1069000", "13900000000", "x".getBytes(StandardCharsets.US_ASCII), 0, 0, 1);
            DeliverSm receipt = esme.awaitDeliver(WAIT);
            assertThat(new String(receipt.getShortMessage(), StandardCharsets.US_ASCII))
                    .contains("dlvrd:000").contains("stat:UNDELIV err:001");
            assertThat(receipt.getOptionalParameters()).isNullOrEmpty();
        }
    }

    @Test
    void oneReceiptPerPartAndNoneWhenNotRequested() throws Exception {
        start(SimulatorConfig.builder());
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            esme.submit("1069000", "13800001234", "no receipt".getBytes(StandardCharsets.US_ASCII), 0, 0, 0);
            List<byte[]> parts = Udh.ucs2Parts8("家长会通知".repeat(20), 67, 9);
            String id1 = esme.submit("1069000", "13800001234", parts.get(0), 8, 0x40, 1);
            String id2 = esme.submit("1069000", "13800001234", parts.get(1), 8, 0x40, 1);
            Set<String> receipted = Set.of(tlvString(esme.awaitDeliver(WAIT), (short) 0x001E),
                    tlvString(esme.awaitDeliver(WAIT), (short) 0x001E));
            assertThat(receipted).containsExactlyInAnyOrder(id1, id2);
            Thread.sleep(200);
            assertThat(esme.delivered).isEmpty();
        }
    }

    @Test
    void receiptWaitsForAReceiverToBind() throws Exception {
        start(SimulatorConfig.builder());
        String id;
        try (TestEsme tx = TestEsme.bind(sim.smppPort(), BindType.BIND_TX, "school1", "pw")) {
            id = tx.submit("1069000", "13800001234", "x".getBytes(StandardCharsets.US_ASCII), 0, 0, 1);
        }
        Thread.sleep(100);
        try (TestEsme rx = TestEsme.bind(sim.smppPort(), BindType.BIND_RX, "school1", "pw")) {
            assertThat(tlvString(rx.awaitDeliver(WAIT), (short) 0x001E)).isEqualTo(id);
        }
    }

    @Test
    void receiptOnAnyBindUsesAnotherReceiverOfTheSameSystemId() throws Exception {
        start(SimulatorConfig.builder().receiptOnAnyBind(true));
        try (TestEsme a = TestEsme.trx(sim.smppPort()); TestEsme b = TestEsme.trx(sim.smppPort());
                TestEsme other = TestEsme.bind(sim.smppPort(), BindType.BIND_RX, "school2", "pw")) {
            String id = a.submit("1069000", "13800001234", "x".getBytes(StandardCharsets.US_ASCII), 0, 0, 1);
            assertThat(tlvString(b.awaitDeliver(WAIT), (short) 0x001E)).isEqualTo(id);
            Thread.sleep(100);
            assertThat(a.delivered).isEmpty();
            assertThat(other.delivered).isEmpty();
        }
    }

    static String tlvString(DeliverSm d, short tag) {
        byte[] v = tlvBytes(d, tag);
        int len = v.length > 0 && v[v.length - 1] == 0 ? v.length - 1 : v.length;
        return new String(v, 0, len, StandardCharsets.US_ASCII);
    }

    static byte[] tlvBytes(DeliverSm d, short tag) {
        OptionalParameter p = d.getOptionalParameter(tag);
        assertThat(p).as("TLV 0x%04x", tag).isNotNull();
        byte[] wire = p.serialize();
        return java.util.Arrays.copyOfRange(wire, 4, wire.length);
    }
}
