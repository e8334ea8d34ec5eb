package cn.jiaxiao.routes.delivery;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of a notice's messages by state; {@code failed} adds up every kind of failure. {@code byChannel} breaks
 * the same counts down per channel (SMS, EMAIL, PUSH); its entries have no breakdown of their own.
 */
public record DeliveryStats(int recipients, int queued, int submitted, int delivered, int failed,
        Map<DeliveryState, Integer> byState, Map<String, DeliveryStats> byChannel) {

    public static DeliveryStats of(Map<DeliveryState, Integer> counts) {
        return of(counts, Map.of());
    }

    private static DeliveryStats of(Map<DeliveryState, Integer> counts, Map<String, DeliveryStats> byChannel) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int failed = DeliveryState.FAILURES.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
        return new DeliveryStats(total, counts.getOrDefault(DeliveryState.QUEUED, 0),
                counts.getOrDefault(DeliveryState.SUBMITTED, 0), counts.getOrDefault(DeliveryState.DELIVERED, 0),
                failed, Map.copyOf(counts), Map.copyOf(byChannel));
    }

    /** @param counts per channel, per state */
    public static DeliveryStats perChannel(Map<String, Map<DeliveryState, Integer>> counts) {
        Map<DeliveryState, Integer> all = new EnumMap<>(DeliveryState.class);
        Map<String, DeliveryStats> channels = new LinkedHashMap<>();
        counts.forEach((channel, byState) -> {
            channels.put(channel, of(byState));
            byState.forEach((state, n) -> all.merge(state, n, Integer::sum));
        });
        return of(all, channels);
    }
}
