package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import java.time.Instant;

/** A step of a notice's chain and, once decided, who decided it, when, and on which content. */
public record ApprovalStep(long noticeId, int seq, ApprovalAction action, Role role, long unitId, Long actorId,
        String actorName, Instant decidedAt, String contentHash) {

    public boolean decided() {
        return decidedAt != null;
    }
}
