package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulator per test: an MO whose session closed is retried onto the next bound session, so a shared
 * simulator would hand one test's MO to the next test.
 */
class MoTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private SmscSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1).build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void injectWithoutReceiverThrows() throws Exception {
        try (TestEsme tx = TestEsme.bind(sim.smppPort(), BindType.BIND_TX, "school1", "pw")) {
            assertThatThrownBy(() -> sim.injectMo("13800001234", "1069000", "1"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shortAsciiMoReachesABoundTransceiver() throws Exception {
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            sim.injectMo("13800001234", "10690001234", "TD");
            DeliverSm d = esme.awaitDeliver(WAIT);
            assertThat(d.getSourceAddr()).isEqualTo("13800001234");
            assertThat(d.getDestAddress()).isEqualTo("10690001234");
            assertThat(d.getEsmClass() & 0xFF).isZero();
            assertThat(d.getRegisteredDelivery()).isZero();
            assertThat(d.getDataCoding()).isEqualTo((byte) 0);
            assertThat(new String(d.getShortMessage(), StandardCharsets.US_ASCII)).isEqualTo("TD");
        }
    }

    @Test
    void shortChineseMoIsUcs2() throws Exception {
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            sim.injectMo("13800001234", "1069000", "收到，谢谢老师");
            DeliverSm d = esme.awaitDeliver(WAIT);
            assertThat(d.getDataCoding()).isEqualTo((byte) 8);
            assertThat(new String(d.getShortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("收到，谢谢老师");
        }
    }

    @Test
    void longChineseMoArrivesAsUdhParts() throws Exception {
        String text = "老师您好，孩子明天因病请假一天，".repeat(10);
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            sim.injectMo("13800005678", "1069000", text);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int total = -1;
            int ref = -1;
            for (int i = 1; total < 0 || i <= total; i++) {
                DeliverSm d = esme.awaitDeliver(WAIT);
                byte[] sm = d.getShortMessage();
                assertThat(d.getEsmClass() & 0x40).isEqualTo(0x40);
                assertThat(d.getDataCoding()).isEqualTo((byte) 8);
                assertThat(Arrays.copyOfRange(sm, 0, 3)).containsExactly(0x05, 0x00, 0x03);
                if (total < 0) {
                    total = sm[4] & 0xFF;
                    ref = sm[3] & 0xFF;
                }
                assertThat(sm[3] & 0xFF).isEqualTo(ref);
                assertThat(sm[5] & 0xFF).isEqualTo(i);
                assertThat(sm.length - 6).isLessThanOrEqualTo(134);
                body.writeBytes(Arrays.copyOfRange(sm, 6, sm.length));
            }
            assertThat(total).isEqualTo(3);
            assertThat(body.toString(StandardCharsets.UTF_16BE)).isEqualTo(text);
        }
    }
}
