package cn.jiaxiao.routes.support;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A timer on every instance that rereads something the school edits in the database (content lists, settings),
 * so that an edit made on any instance applies on all of them within one period, without a restart.
 */
public class ReloadRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(ReloadRoute.class);

    private final String routeId;
    private final String what;
    private final Runnable reload;
    private final Duration period;

    /** @param what names the thing reloaded in the warning logged when a reload fails */
    public ReloadRoute(String routeId, String what, Runnable reload, Duration period) {
        this.routeId = routeId;
        this.what = what;
        this.reload = reload;
        this.period = period;
    }

    @Override
    public void configure() {
        // A database hiccup must not stop the timer: log it, keep what is in use, try again next period.
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("{} not reloaded, keeping the current ones: {}", what,
                        String.valueOf(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))));

        from("timer:" + routeId + "?delay=" + period.toMillis() + "&period=" + period.toMillis())
                .routeId(routeId)
                .process(exchange -> reload.run());
    }
}
