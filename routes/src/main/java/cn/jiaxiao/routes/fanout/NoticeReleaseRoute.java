package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.support.Queues;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/** Release and fan-out: an approved notice becomes per-recipient messages, queued for the senders in batches. */
public class NoticeReleaseRoute extends RouteBuilder {

    private static final String QUEUE = "JiaxiaoQueue";
    private static final String NOTICE = "JiaxiaoNotice";

    private final FanOutService fanOut;
    private final Duration sweepEvery;

    public NoticeReleaseRoute(FanOutService fanOut, Duration sweepEvery) {
        this.fanOut = fanOut;
        this.sweepEvery = sweepEvery;
    }

    /** The ids as the body, the recipients' group as JMSXGroupID: one recipient, one consumer, in order. */
    private static void asGroupedMessage(org.apache.camel.Exchange exchange) {
        SendBatch batch = exchange.getIn().getBody(SendBatch.class);
        exchange.getIn().setHeader("JMSXGroupID", batch.group());
        exchange.getIn().setHeader(QUEUE, batch.queue());
        exchange.getIn().setBody(batch.body());
    }

    @Override
    public void configure() {
        from(Queues.consume(Queues.NOTICE_RELEASE, 1))
                .routeId("notice-release")
                .setProperty(NOTICE, body().convertTo(Long.class))
                .bean(fanOut, "fanOut")
                .split(body())
                    .process(NoticeReleaseRoute::asGroupedMessage)
                    .toD("jms:queue:${header." + QUEUE + "}")
                .end()
                .process(exchange -> fanOut.markQueued(exchange.getProperty(NOTICE, Long.class)));

        from("timer:release-sweeper?delay=" + sweepEvery.toMillis() + "&period=" + sweepEvery.toMillis())
                .routeId("release-sweeper")
                .bean(fanOut, "stalledReleases")
                .split(body())
                    .convertBodyTo(String.class)
                    .to(Queues.jms(Queues.NOTICE_RELEASE))
                .end();

        // Senders close a notice when its last message goes out; racing senders can each leave that to
        // the other, so this sweep closes whatever is complete.
        from("timer:notice-completion?period=2000")
                .routeId("notice-completion")
                .bean(fanOut, "finishCompletedNotices");
    }
}
