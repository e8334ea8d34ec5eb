package cn.jiaxiao.routes.smpp;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket per SMSC connection, kept in PostgreSQL (Bucket4j), so that every gateway instance draws
 * from the same tokens and together they never exceed a carrier's contracted rate. Concurrent requests of
 * one instance are batched into one database round trip.
 */
public final class SharedTpsLimiter implements TpsLimiter {

    private final ProxyManager<Long> buckets;
    private final Map<String, BucketProxy> byConnection = new ConcurrentHashMap<>();

    public SharedTpsLimiter(ProxyManager<Long> buckets) {
        this.buckets = buckets;
    }

    @Override
    public void acquire(SmppSettings connection, int parts) throws InterruptedException {
        if (connection.maxTps() <= 0) {
            return;
        }
        BucketProxy bucket = byConnection.computeIfAbsent(connection.name(), name -> buckets.builder()
                .withOptimization(Optimizations.batching())
                .build(key(name), () -> BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder().capacity(burst(connection.maxTps()))
                                .refillGreedy(connection.maxTps(), Duration.ofSeconds(1)).build())
                        .build()));
        int attempts = 0;
        while (true) {
            ConsumptionProbe probe;
            try {
                probe = bucket.tryConsumeAndReturnRemaining(parts);
            } catch (BucketNotFoundException e) {
                // Many senders creating the connection's bucket row at once: one insert wins, the others retry.
                if (++attempts > 50) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(10);
                continue;
            }
            if (probe.isConsumed()) {
                return;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(probe.getNanosToWaitForRefill(), 1_000_000));
        }
    }

    /**
     * A tenth of a second's worth of tokens: a bucket holds at most that after an idle spell, so no 1-second
     * window ever sees more than 1.1 x max-tps (a full second's capacity would allow 2 x max-tps in the second
     * after a pause, more than a carrier counting per second accepts).
     */
    static int burst(int maxTps) {
        return Math.max(1, (maxTps + 9) / 10);
    }

    /** A stable key per connection name: the same bucket row for every instance. */
    static long key(String connection) {
        long hash = 1125899906842597L;
        for (char c : connection.toCharArray()) {
            hash = 31 * hash + c;
        }
        return hash;
    }
}
