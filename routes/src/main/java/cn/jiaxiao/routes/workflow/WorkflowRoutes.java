package cn.jiaxiao.routes.workflow;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * The workflow's clocks: scheduled notices released when quiet hours end or their send time comes, and
 * approvals waiting too long escalated. Every instance runs them; the row locks make each release and
 * each escalation happen once across the cluster.
 */
public class WorkflowRoutes extends RouteBuilder {

    private final NoticeWorkflow workflow;
    private final Duration period;
    private final Duration escalationCheck;
    private final Duration escalateAfter;

    public WorkflowRoutes(NoticeWorkflow workflow, Duration period, Duration escalationCheck, Duration escalateAfter) {
        this.workflow = workflow;
        this.period = period;
        this.escalationCheck = escalationCheck;
        this.escalateAfter = escalateAfter;
    }

    @Override
    public void configure() {
        from("timer:scheduled-release?period=" + period.toMillis())
                .routeId("scheduled-release")
                .bean(workflow, "releaseDueScheduled");

        from("timer:approval-escalation?period=" + escalationCheck.toMillis())
                .routeId("approval-escalation")
                .process(exchange -> workflow.escalateOverdue(escalateAfter));
    }
}
