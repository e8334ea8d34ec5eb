package cn.jiaxiao.routes.workflow;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.approval.ApprovalRepository;
import cn.jiaxiao.routes.approval.ApprovalStep;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeStatus;
import java.util.List;

/** What waits for an account: steps of others' notices it must decide, and its own requests to release. */
public class ApprovalInbox {

    private final ApprovalRepository approvals;
    private final NoticeRepository notices;
    private final UnitRepository units;

    public ApprovalInbox(ApprovalRepository approvals, NoticeRepository notices, UnitRepository units) {
        this.approvals = approvals;
        this.notices = notices;
        this.units = units;
    }

    public record Item(Notice notice, ApprovalStep step) {
    }

    public List<Item> toDecide(StaffAccount actor) {
        return approvals.openSteps().stream()
                .filter(step -> units.findById(step.unitId()).map(u -> actor.holds(step.role(), u)).orElse(false))
                .map(step -> new Item(notices.find(step.noticeId()).orElseThrow(), step))
                .filter(item -> item.notice().drafterId() != actor.id())
                .toList();
    }

    public List<Notice> toRelease(StaffAccount sender) {
        return notices.recent(NoticeStatus.APPROVED, 500).stream()
                .filter(n -> n.isFiledRequest() && n.releasedAt() == null && n.drafterId() == sender.id())
                .toList();
    }
}
