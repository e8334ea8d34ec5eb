package cn.jiaxiao.routes.content;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the content lists' version counter on every instance and rebuilds the checker when an edit (on any
 * instance) bumped it, so a change reaches every gateway within one period, without a restart.
 */
public class ContentListsReloadRoute extends RouteBuilder {

    public static final String ROUTE_ID = "content-lists-reload";
    private static final Logger log = LoggerFactory.getLogger(ContentListsReloadRoute.class);

    private final ContentPolicy policy;
    private final Duration period;

    public ContentListsReloadRoute(ContentPolicy policy, Duration period) {
        this.policy = policy;
        this.period = period;
    }

    @Override
    public void configure() {
        // A database hiccup must not stop the timer: log it, keep the current checker, try again next period.
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Content lists not reloaded, keeping the current ones: {}",
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))));

        from("timer:" + ROUTE_ID + "?delay=" + period.toMillis() + "&period=" + period.toMillis())
                .routeId(ROUTE_ID)
                .bean(policy, "reloadIfChanged");
    }
}
