package cn.jiaxiao.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;

/**
 * Depth of the message path's queues and their dead-letter queues ({@code jiaxiao.queue.depth}, tag
 * {@code queue}), read from the embedded broker. An external broker is watched through its own metrics
 * (Artemis exports them with its Prometheus plugin), so these gauges only exist with the embedded one.
 */
class QueueDepthMetrics implements MeterBinder {

    private final ActiveMQServer server;
    private final List<String> queues;

    QueueDepthMetrics(ActiveMQServer server, List<String> queues) {
        this.server = server;
        this.queues = queues;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : queues) {
            register(registry, queue);
            register(registry, "DLQ." + queue);
        }
    }

    private void register(MeterRegistry registry, String queue) {
        Gauge.builder("jiaxiao.queue.depth", this, m -> m.depth(queue))
                .description("Messages waiting in the queue (embedded broker)")
                .tag("queue", queue)
                .register(registry);
    }

    /** Messages in the queue; 0 when it doesn't exist (yet: dead-letter queues appear with their first message). */
    long depth(String queue) {
        if (!server.isActive()) {
            return 0;
        }
        Queue q = server.locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }
}
