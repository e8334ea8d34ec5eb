package cn.jiaxiao.app.notice;

import cn.jiaxiao.routes.delivery.DeliveryStats;
import cn.jiaxiao.routes.notice.Audience;
import java.time.Instant;
import java.util.List;

/** A notice as the API shows it: content, who drafted and approved it, and how its messages stand. */
public record NoticeView(long id, String title, String body, String kind, String status, Audience audience,
        List<String> channels, Person drafter, Integer recipientCount, Instant createdAt, Instant approvedAt,
        Instant sendingAt, Instant finishedAt, List<StepView> approvals, DeliveryStats stats) {

    public record Person(String username, String name) {
    }

    public record StepView(int seq, String action, String role, String unit, Person decidedBy, Instant decidedAt) {
    }
}
