package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Manual measurement: {@code mvn -pl smsc-simulator test -Dtest=ThroughputProbeTest -Dsmsc.perf=true}. */
@EnabledIfSystemProperty(named = "smsc.perf", matches = "true")
class ThroughputProbeTest {

    @Test
    void measureSubmitThroughput() throws Exception {
        int sessions = Integer.getInteger("smsc.perf.sessions", 2);
        int window = Integer.getInteger("smsc.perf.window", 32);
        int seconds = Integer.getInteger("smsc.perf.seconds", 8);
        boolean receipts = Boolean.getBoolean("smsc.perf.receipts");
        try (SmscSimulator sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1)
                .receiptDelay(Duration.ZERO).build())) {
            List<TestEsme> esmes = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                TestEsme e = TestEsme.trx(sim.smppPort());
                esmes.add(e);
            }
            byte[] body = "您的孩子已安全到校".getBytes(StandardCharsets.UTF_16BE);
            ExecutorService pool = Executors.newFixedThreadPool(sessions * window);
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<?>> fs = new ArrayList<>();
            for (TestEsme e : esmes) {
                for (int w = 0; w < window; w++) {
                    fs.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            try {
                                e.submit("1069000", "13800001234", body, 8, 0, receipts ? 1 : 0);
                                ok.incrementAndGet();
                            } catch (Exception ex) {
                                failed.incrementAndGet();
                            }
                        }
                    }));
                }
            }
            long t0 = System.nanoTime();
            for (Future<?> f : fs) {
                f.get();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            System.out.printf("THROUGHPUT sessions=%d window=%d receipts=%s: %d ok, %d failed in %.1fs = %.0f submit_sm/s,"
                    + " recorded=%d%n", sessions, window, receipts, ok.get(), failed.get(), secs, ok.get() / secs,
                    sim.received().size());
            if (receipts) {
                Await.until(() -> esmes.stream().mapToLong(e -> e.delivered.size()).sum() >= ok.get(),
                        Duration.ofSeconds(60), "all receipts");
                System.out.printf("RECEIPTS all %d delivered%n", ok.get());
            }
            assertThat(sim.submitCount()).isEqualTo(ok.get());
            esmes.forEach(TestEsme::close);
        }
    }
}
