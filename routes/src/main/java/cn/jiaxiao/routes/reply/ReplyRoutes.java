package cn.jiaxiao.routes.reply;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * The timers of the reply path: stored replies never handled (a crash between storing and handling) are
 * handled late; absence alerts nobody answered are escalated to the grade leader.
 */
public class ReplyRoutes extends RouteBuilder {

    private final ReplyRouter router;
    private final AbsenceService absences;
    private final Duration period;
    private final Duration escalateAfter;

    public ReplyRoutes(ReplyRouter router, AbsenceService absences, Duration period, Duration escalateAfter) {
        this.router = router;
        this.absences = absences;
        this.period = period;
        this.escalateAfter = escalateAfter;
    }

    @Override
    public void configure() {
        from("timer:reply-sweep?delay=" + period.toMillis() + "&period=" + Math.max(period.toMillis(), 5000))
                .routeId("reply-sweep")
                .bean(router, "sweep");

        from("timer:absence-escalation?delay=" + period.toMillis() + "&period=" + period.toMillis())
                .routeId("absence-escalation")
                .process(exchange -> absences.escalateOverdue(escalateAfter));
    }
}
