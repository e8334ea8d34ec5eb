package cn.jiaxiao.routes.delivery;

import java.time.Instant;
import java.util.List;

/** One recipient's message as the delivery list and the archive show it: number masked. */
public record Delivery(long id, String channel, String recipient, String body, int segments, DeliveryState state,
        List<String> smscMessageIds, String error, Instant createdAt, Instant submittedAt, Instant doneAt) {

    public Delivery {
        smscMessageIds = List.copyOf(smscMessageIds);
    }
}
