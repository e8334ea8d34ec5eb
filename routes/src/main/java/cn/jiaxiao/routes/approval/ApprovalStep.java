package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import java.time.Instant;

/** A step of a notice's chain and, once decided, who decided it, when, on which content, and what he said. */
public record ApprovalStep(long noticeId, int round, int seq, ApprovalAction action, Role role, long unitId,
        Long actorId, String actorName, Instant decidedAt, String contentHash, String comment, Instant createdAt,
        Instant escalatedAt) {

    public boolean decided() {
        return decidedAt != null;
    }
}
