package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.routes.delivery.BatchQueue;
import cn.jiaxiao.routes.delivery.HeldMessages;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * The outbox's timers: held messages queued again when their time comes, lost ones queued again, and fallback SMS
 * where push failed.
 */
public class HeldMessagesRoute extends RouteBuilder {

    /** Queued this long ago and not taken by any sender: its broker message is taken to be lost. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final HeldMessages held;
    private final BatchQueue queue;
    private final PushFallback fallback;
    private final Duration fallbackAfter;
    private final Duration period;

    public HeldMessagesRoute(HeldMessages held, BatchQueue queue, PushFallback fallback, Duration fallbackAfter,
            Duration period) {
        this.held = held;
        this.queue = queue;
        this.fallback = fallback;
        this.fallbackAfter = fallbackAfter;
        this.period = period;
    }

    @Override
    public void configure() {
        from("timer:held-messages?period=" + period.toMillis())
                .routeId("held-messages")
                .process(exchange -> held.releaseDue(queue, 10_000))
                .process(exchange -> held.requeueStale(queue, STALE_AFTER, 10_000));

        from("timer:push-fallback?period=" + period.toMillis())
                .routeId("push-fallback")
                .process(exchange -> fallback.sendDue(fallbackAfter));
    }
}
