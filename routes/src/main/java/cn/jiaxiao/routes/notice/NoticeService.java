package cn.jiaxiao.routes.notice;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.approval.ApprovalRepository;
import cn.jiaxiao.routes.scope.AudienceScope;
import java.util.List;

/**
 * Notices as their readers may see them: the drafter, anyone in the notice's chain of approval, and anyone
 * whose roles cover every class it reaches. Out of scope is "not found": whether a notice exists outside
 * one's scope is itself not one's business.
 */
public class NoticeService {

    private final NoticeRepository notices;
    private final ApprovalRepository approvals;
    private final AudienceScope scope;
    private final UnitRepository units;

    public NoticeService(NoticeRepository notices, ApprovalRepository approvals, AudienceScope scope,
            UnitRepository units) {
        this.notices = notices;
        this.approvals = approvals;
        this.scope = scope;
        this.units = units;
    }

    public Notice get(StaffAccount reader, long id) {
        Notice notice = notices.find(id).orElseThrow(NoticeService::notFound);
        if (!mayRead(reader, notice)) {
            throw notFound();
        }
        return notice;
    }

    /** The newest notices the reader may see, optionally of one status. */
    public List<Notice> list(StaffAccount reader, NoticeStatus status, int limit) {
        return notices.recent(status, 2000).stream().filter(n -> mayRead(reader, n)).limit(limit).toList();
    }

    public boolean mayRead(StaffAccount reader, Notice notice) {
        if (notice.drafterId() == reader.id()) {
            return true;
        }
        boolean approver = approvals.chain(notice.id()).stream().anyMatch(step ->
                units.findById(step.unitId()).map(unit -> reader.holds(step.role(), unit)).orElse(false));
        return approver || scope.covers(reader, units.findByIds(notices.classIds(notice.id())));
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("通知不存在或不在您的管理范围内");
    }
}
