package cn.jiaxiao.app.notice;

import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.approval.ApprovalService;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.notice.Notice;
import java.util.List;
import org.springframework.stereotype.Component;

/** Assembles what the API shows of a notice from the repositories that each hold a part of it. */
@Component
class NoticeViews {

    private final StaffAccountRepository accounts;
    private final UnitRepository units;
    private final ApprovalService approvals;
    private final OutboundMessageRepository messages;

    NoticeViews(StaffAccountRepository accounts, UnitRepository units, ApprovalService approvals,
            OutboundMessageRepository messages) {
        this.accounts = accounts;
        this.units = units;
        this.approvals = approvals;
        this.messages = messages;
    }

    NoticeView of(Notice notice) {
        List<NoticeView.StepView> steps = approvals.chain(notice.id()).stream()
                .map(step -> new NoticeView.StepView(step.seq(), step.action().name(), step.role().name(),
                        units.findById(step.unitId()).map(Unit::code).orElse(null),
                        step.actorId() == null ? null : person(step.actorId()), step.decidedAt()))
                .toList();
        return new NoticeView(notice.id(), notice.title(), notice.body(), notice.kind().name(), notice.status().name(),
                notice.audience(), notice.channels().stream().map(Enum::name).toList(), person(notice.drafterId()),
                notice.recipientCount(), notice.createdAt(), notice.approvedAt(), notice.sendingAt(),
                notice.finishedAt(), steps, messages.stats(notice.id()));
    }

    NoticeView.Person person(long accountId) {
        return accounts.findById(accountId)
                .map(a -> new NoticeView.Person(a.username(), a.displayName()))
                .orElse(null);
    }
}
