package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Queues;
import org.apache.camel.builder.RouteBuilder;

/**
 * The push leg of the path: batches of queued PUSH messages from {@code push.outbound} to FCM and Web Push.
 * A {@link PushRetryException} rolls the broker transaction back, and the broker delivers the batch again after
 * its redelivery delay; the messages already settled are skipped then.
 */
public class PushRoutes extends RouteBuilder {

    private final PushChannelSender sender;
    private final int consumers;

    public PushRoutes(PushChannelSender sender, int consumers) {
        this.sender = sender;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));

        from(Queues.consume(Queues.PUSH_OUTBOUND, consumers))
                .routeId("push-send")
                .bean(sender, "sendBatch");
    }
}
