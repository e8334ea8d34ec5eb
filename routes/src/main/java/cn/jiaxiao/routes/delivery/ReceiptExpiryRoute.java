package cn.jiaxiao.routes.delivery;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the receipt expiry on a timer, on every instance: the update itself is safe to run concurrently. */
public class ReceiptExpiryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "receipt-expiry";
    private static final Logger log = LoggerFactory.getLogger(ReceiptExpiryRoute.class);

    private final ReceiptExpiry expiry;
    private final Duration period;

    public ReceiptExpiryRoute(ReceiptExpiry expiry, Duration period) {
        this.expiry = expiry;
        this.period = period;
    }

    @Override
    public void configure() {
        // a database hiccup must not stop the timer: the next period tries again
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Receipt expiry skipped this time: {}",
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))));

        from("timer:" + ROUTE_ID + "?delay=" + period.toMillis() + "&period=" + period.toMillis())
                .routeId(ROUTE_ID)
                .bean(expiry, "expireOverdue");
    }
}
