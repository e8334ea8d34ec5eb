package cn.jiaxiao.routes.delivery;

import java.util.Map;

/** Counts of a notice's messages by state; {@code failed} adds up every kind of failure. */
public record DeliveryStats(int recipients, int queued, int submitted, int delivered, int failed,
        Map<DeliveryState, Integer> byState) {

    public static DeliveryStats of(Map<DeliveryState, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int failed = DeliveryState.FAILURES.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
        return new DeliveryStats(total, counts.getOrDefault(DeliveryState.QUEUED, 0),
                counts.getOrDefault(DeliveryState.SUBMITTED, 0), counts.getOrDefault(DeliveryState.DELIVERED, 0),
                failed, Map.copyOf(counts));
    }
}
