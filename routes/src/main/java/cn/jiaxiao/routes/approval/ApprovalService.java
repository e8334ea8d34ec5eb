package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.fanout.ReleaseQueue;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.provisioning.problem.ProblemException;
import java.util.List;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Records approvals (谁审批,谁负责): the right person, at the right step, on the exact content, never
 * the drafter himself. The last approval releases the notice for sending.
 */
public class ApprovalService {

    private final NoticeRepository notices;
    private final ApprovalRepository approvals;
    private final UnitRepository units;
    private final ReleaseQueue releases;
    private final TransactionOperations tx;

    public ApprovalService(NoticeRepository notices, ApprovalRepository approvals, UnitRepository units,
            ReleaseQueue releases, TransactionOperations tx) {
        this.notices = notices;
        this.approvals = approvals;
        this.units = units;
        this.releases = releases;
        this.tx = tx;
    }

    public Notice approve(StaffAccount actor, long noticeId) {
        boolean released = Boolean.TRUE.equals(tx.execute(status -> {
            Notice notice = notices.lock(noticeId)
                    .orElseThrow(() -> ProblemException.notFound("通知不存在或不在您的管理范围内"));
            if (notice.drafterId() == actor.id()) {
                throw ProblemException.forbidden(null, "起草人不能审批自己起草的通知（谁审批，谁负责）");
            }
            if (notice.status() != NoticeStatus.PENDING_APPROVAL) {
                throw ProblemException.conflict("通知当前状态为 " + notice.status() + "，不能审批");
            }
            List<ApprovalStep> chain = approvals.chain(noticeId);
            ApprovalStep step = chain.stream().filter(s -> !s.decided()).findFirst()
                    .orElseThrow(() -> ProblemException.conflict("该通知的审批已全部完成"));
            Unit stepUnit = units.findById(step.unitId()).orElseThrow();
            if (!actor.holds(step.role(), stepUnit)) {
                throw ProblemException.forbidden(null, "该通知须由" + stepUnit.name() + "的 " + step.role()
                        + " 审批，您无此权限");
            }
            approvals.decide(noticeId, step.seq(), actor.id(), notice.contentHash());
            boolean last = chain.stream().filter(s -> !s.decided()).count() == 1;
            if (last) {
                notices.updateStatus(noticeId, NoticeStatus.APPROVED);
            }
            return last;
        }));
        if (released) {
            // After commit: a release lost here is picked up again by the release sweeper.
            releases.release(noticeId);
        }
        return notices.find(noticeId).orElseThrow();
    }

    public List<ApprovalStep> chain(long noticeId) {
        return approvals.chain(noticeId);
    }
}
