package cn.jiaxiao.routes.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.testing.TestDatabase;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two gateway instances on one PostgreSQL share each carrier's contracted rate. */
class SharedTpsLimiterTest {

    private static final SmppSettings CARRIER = new SmppSettings("cmcc", "127.0.0.1", 2775, "id", "pw", "", "1069",
            1, 10, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(10),
            List.of(), 20);

    @Test
    void twoInstancesTogetherStayWithinTheContractedRate() throws Exception {
        TestDatabase database = TestDatabase.create();
        TpsLimiter first = new SharedTpsLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource()).build());
        TpsLimiter second = new SharedTpsLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource()).build());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<?>> work = List.of(
                threads.submit(() -> take(first, 20)), threads.submit(() -> take(first, 20)),
                threads.submit(() -> take(second, 20)), threads.submit(() -> take(second, 20)));
        for (Future<?> f : work) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        // 80 parts at 20 per second, the first 2 from the full bucket (a tenth of a second's worth): nearly 4 seconds
        assertThat(seconds).isGreaterThan(2.8);
    }

    @Test
    void anUnlimitedConnectionNeverWaits() throws Exception {
        TestDatabase database = TestDatabase.create();
        TpsLimiter limiter = new SharedTpsLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource()).build());
        SmppSettings unlimited = new SmppSettings("free", "h", 1, "i", "p", "", "1", 1, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(), 0);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(unlimited, 1);
        }
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(0.5);
    }

    private static Void take(TpsLimiter limiter, int parts) throws InterruptedException {
        for (int i = 0; i < parts; i++) {
            limiter.acquire(CARRIER, 1);
        }
        return null;
    }
}
