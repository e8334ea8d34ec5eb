package cn.jiaxiao.app.notice;

import cn.jiaxiao.routes.delivery.DeliveryStats;
import cn.jiaxiao.routes.notice.Audience;
import cn.jiaxiao.routes.workflow.FieldFinding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A notice as the API shows it: content and its hash (what an approval is bound to), the content check's
 * findings (with offsets, for highlighting), who drafted and who decided, what sending it takes, and how its
 * messages stand.
 */
public record NoticeView(long id, String title, String body, String kind, String status, Audience audience,
        List<String> channels, String contentHash, Person drafter, Integer recipientCount, Instant createdAt,
        Instant approvedAt, Instant sendAt, Instant sendingAt, Instant finishedAt, String requestReason,
        String rejectionReason, Instant filedAt, Instant releasedAt, List<StepView> approvals,
        List<FieldFinding> findings, Estimate estimate, Stats stats, Boolean replyRequired) {

    /**
     * Delivery counts, and for a notice that asks for a reply, how many guardians confirmed it
     * ({@code confirmed}; absent otherwise).
     */
    public record Stats(@com.fasterxml.jackson.annotation.JsonUnwrapped DeliveryStats delivery,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            Integer confirmed) {
    }


    public record Person(String username, String name) {
    }

    /** {@code roleName} and {@code actionName}: as the school says them (年级组长, 审批), for display. */
    public record StepView(int seq, String action, String role, String unit, Person decidedBy, Instant decidedAt,
            String comment, Instant escalatedAt, String roleName, String actionName) {
    }

    /** What sending takes: recipients, SMS parts each and in all, and their cost in yuan. */
    public record Estimate(int recipients, int segmentsPerMessage, int smsParts, BigDecimal cost) {
    }
}
