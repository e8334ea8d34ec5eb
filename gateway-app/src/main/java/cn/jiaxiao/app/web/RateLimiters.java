package cn.jiaxiao.app.web;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * In-memory token buckets by key (a client IP, a username, an account), at most {@code maxKeys} of them:
 * the least recently used go first, so a flood of made-up usernames can't fill the heap. Each instance
 * counts for itself; with two instances behind a balancer a client gets up to twice the rate.
 */
final class RateLimiters {

    private final JiaxiaoProperties.Limit limit;
    private final Map<String, Bucket> buckets;

    RateLimiters(JiaxiaoProperties.Limit limit, int maxKeys) {
        this.limit = limit;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    private synchronized Bucket bucket(String key) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.getCapacity())
                        .refillGreedy(limit.getRefill(), limit.getPeriod()).build())
                .build());
    }

    /** Takes a token; 0 when it was there, else the nanoseconds until one is. */
    long take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Whether a token is there, without taking it: 0 when it is, else the nanoseconds until one is. */
    long peek(String key) {
        Bucket bucket;
        synchronized (this) {
            bucket = buckets.get(key);
        }
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** Takes a token if there is one (a failed login is counted even past the limit's edge). */
    void spend(String key) {
        bucket(key).tryConsume(1);
    }
}
