package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureModesTest {
    private static final byte[] HI = "hi".getBytes(StandardCharsets.US_ASCII);
    private SmscSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private static int status(TestEsme esme, String destination) throws Exception {
        try {
            esme.submit("1069000", destination, HI, 0, 0, 0);
            return 0;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        }
    }

    @Test
    void throttlingAnswers0x58AboveTheRateAndDoesNotRecord() throws Exception {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1).receiptsEnabled(false)
                .throttleTps(5).build());
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            // Start at a fresh second so the window cannot roll over mid-burst.
            Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
            int ok = 0;
            int throttled = 0;
            for (int i = 0; i < 12; i++) {
                int s = status(esme, "13800001234");
                if (s == 0) {
                    ok++;
                } else {
                    assertThat(s).isEqualTo(0x58);
                    throttled++;
                }
            }
            assertThat(ok).isEqualTo(5);
            assertThat(throttled).isEqualTo(7);
            assertThat(sim.submitCount()).isEqualTo(5);
            assertThat(sim.received()).hasSize(5);

            sim.update(b -> b.throttleTps(0));
            assertThat(status(esme, "13800001234")).isZero();
        }
    }

    @Test
    void permanentErrorDestinationsAnswer0x0B() throws Exception {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1)
                .permanentErrorDestinations(Set.of("13800000000")).build());
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            assertThat(status(esme, "13800000000")).isEqualTo(0x0B);
            assertThat(status(esme, "13800000001")).isZero();
            assertThat(sim.receivedFor("13800000000")).isEmpty();
            assertThat(sim.submitCount()).isEqualTo(1);
        }
    }

    @Test
    void everyNthSubmitIsAnsweredQueueFull() throws Exception {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1).receiptsEnabled(false)
                .queueFullEvery(3).build());
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            int[] statuses = new int[6];
            for (int i = 0; i < 6; i++) {
                statuses[i] = status(esme, "13800001234");
            }
            assertThat(statuses).containsExactly(0, 0, 0x14, 0, 0, 0x14);
            assertThat(sim.received()).hasSize(4);
        }
    }

    @Test
    void submitLatencyDelaysTheResponse() throws Exception {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1).receiptsEnabled(false)
                .submitLatency(Duration.ofMillis(300)).build());
        try (TestEsme esme = TestEsme.trx(sim.smppPort())) {
            long t0 = System.nanoTime();
            esme.submit("1069000", "13800001234", HI, 0, 0, 0);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        }
    }

    @Test
    void invalidConfigIsRejected() throws Exception {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1).build());
        assertThatThrownBy(() -> sim.update(b -> b.receiptState("BOGUS"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.config().receiptState()).isEqualTo("DELIVRD");
    }
}
