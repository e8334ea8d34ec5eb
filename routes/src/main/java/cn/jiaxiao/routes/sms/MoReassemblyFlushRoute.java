package cn.jiaxiao.routes.sms;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Now and then stores what arrived of concatenated replies whose other parts never came, so that a
 * parent's answer is not lost to one missing part. Every instance runs it; the reassembler's locks
 * keep two instances from storing the same message.
 */
public class MoReassemblyFlushRoute extends RouteBuilder {

    public static final String ROUTE_ID = "mo-reassembly-flush";
    private static final Logger log = LoggerFactory.getLogger(MoReassemblyFlushRoute.class);

    private final InboundSmsStore inbound;
    private final Duration period;

    public MoReassemblyFlushRoute(InboundSmsStore inbound, Duration period) {
        this.inbound = inbound;
        this.period = period;
    }

    @Override
    public void configure() {
        // a database hiccup must not stop the timer: the next period tries again
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Incomplete MO not flushed this time: {}",
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))));

        from("timer:" + ROUTE_ID + "?delay=" + period.toMillis() + "&period=" + period.toMillis())
                .routeId(ROUTE_ID)
                .bean(inbound, "flushIncomplete");
    }
}
