package cn.jiaxiao.routes.smpp;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** What one connection has done: submits, throttles, errors by command_status, retries, and the recent rate. */
public final class SmppCounters {

    private static final int SECONDS = 16;
    private static final int RATE_WINDOW = 10;

    private final LongAdder submitted = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final Map<Integer, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLongArray perSecond = new AtomicLongArray(SECONDS);
    private final AtomicLongArray secondOf = new AtomicLongArray(SECONDS);
    private final Clock clock = Clock.systemUTC();

    void submitted() {
        submitted.increment();
        long second = clock.millis() / 1000;
        int slot = (int) (second % SECONDS);
        if (secondOf.getAndSet(slot, second) != second) {
            perSecond.set(slot, 0);
        }
        perSecond.incrementAndGet(slot);
    }

    void throttled() {
        throttled.increment();
    }

    void error(int commandStatus) {
        errors.computeIfAbsent(commandStatus, k -> new LongAdder()).increment();
    }

    public void retried() {
        retries.increment();
    }

    public long submittedTotal() {
        return submitted.sum();
    }

    public long throttledTotal() {
        return throttled.sum();
    }

    public long retriesTotal() {
        return retries.sum();
    }

    /** Errors by command_status, written 0x0000000B. */
    public Map<String, Long> errorsByStatus() {
        Map<String, Long> byStatus = new TreeMap<>();
        errors.forEach((status, count) -> byStatus.put(String.format("0x%08X", status), count.sum()));
        return byStatus;
    }

    /** submit_sm per second over the last ten whole seconds. */
    public double recentTps() {
        long now = clock.millis() / 1000;
        long sum = 0;
        for (long second = now - RATE_WINDOW; second < now; second++) {
            int slot = (int) (second % SECONDS);
            if (secondOf.get(slot) == second) {
                sum += perSecond.get(slot);
            }
        }
        return sum / (double) RATE_WINDOW;
    }
}
