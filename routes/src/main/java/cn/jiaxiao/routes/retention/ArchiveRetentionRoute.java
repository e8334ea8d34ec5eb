package cn.jiaxiao.routes.retention;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the archive retention on a timer on every instance; the advisory lock in {@link ArchiveRetention}
 * makes one of them do the work. The first run comes one minute after start, then every {@code period}.
 */
public class ArchiveRetentionRoute extends RouteBuilder {

    public static final String ROUTE_ID = "archive-retention";
    private static final Logger log = LoggerFactory.getLogger(ArchiveRetentionRoute.class);

    private final ArchiveRetention retention;
    private final Duration period;
    private final Duration firstDelay;

    public ArchiveRetentionRoute(ArchiveRetention retention, Duration period, Duration firstDelay) {
        this.retention = retention;
        this.period = period;
        this.firstDelay = firstDelay;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Archive retention failed this time, next run tries again: {}",
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))));

        from("timer:" + ROUTE_ID + "?delay=" + firstDelay.toMillis() + "&period=" + period.toMillis())
                .routeId(ROUTE_ID)
                .bean(retention, "purge");
    }
}
