package cn.jiaxiao.filter;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadSafetyTest {

    @Test
    void oneCheckerServesManyThreads() throws Exception {
        ContentChecker checker = ContentChecker.withDefaults();
        String text = "各位家长，周末一起去賭 博，张伟同学考试作弊，卡号在群里";
        CheckResult expected = checker.check(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> checker.check(text)));
            }
            for (Future<CheckResult> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
