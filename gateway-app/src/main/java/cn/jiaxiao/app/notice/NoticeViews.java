package cn.jiaxiao.app.notice;

import cn.jiaxiao.routes.reply.Confirmations;
import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.approval.ApprovalRepository;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.fanout.FanOutService;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.routes.workflow.ContentGate;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Assembles what the API shows of a notice from the repositories that each hold a part of it. */
@Component
class NoticeViews {

    /** Before sending, the estimate is computed; afterwards the stats tell what it took. */
    private static final Set<NoticeStatus> ESTIMATED = EnumSet.of(NoticeStatus.DRAFT, NoticeStatus.PENDING_REVIEW,
            NoticeStatus.PENDING_APPROVAL, NoticeStatus.APPROVED, NoticeStatus.SCHEDULED, NoticeStatus.REJECTED);

    private final StaffAccountRepository accounts;
    private final UnitRepository units;
    private final ApprovalRepository approvals;
    private final OutboundMessageRepository messages;
    private final FanOutService fanOut;
    private final BigDecimal pricePerPart;
    private final ContentGate content;
    private final Confirmations confirmations;

    NoticeViews(StaffAccountRepository accounts, UnitRepository units, ApprovalRepository approvals,
            OutboundMessageRepository messages, FanOutService fanOut, JiaxiaoProperties properties,
            ContentGate content, Confirmations confirmations) {
        this.accounts = accounts;
        this.units = units;
        this.approvals = approvals;
        this.messages = messages;
        this.fanOut = fanOut;
        this.pricePerPart = properties.getSms().getPricePerPart();
        this.content = content;
        this.confirmations = confirmations;
    }

    NoticeView of(Notice notice) {
        List<NoticeView.StepView> steps = approvals.chain(notice.id()).stream()
                .map(step -> new NoticeView.StepView(step.seq(), step.action().name(), step.role().name(),
                        units.findById(step.unitId()).map(Unit::code).orElse(null),
                        step.actorId() == null ? null : person(step.actorId()), step.decidedAt(), step.comment(),
                        step.escalatedAt(), step.role().label(), step.action().label()))
                .toList();
        return new NoticeView(notice.id(), notice.title(), notice.body(), notice.kind().name(), notice.status().name(),
                notice.audience(), notice.channels().stream().map(Enum::name).toList(), notice.contentHash(),
                person(notice.drafterId()), notice.recipientCount(), notice.createdAt(), notice.approvedAt(),
                notice.sendAt(), notice.sendingAt(), notice.finishedAt(), notice.requestReason(),
                notice.rejectionReason(), notice.filedAt(), notice.releasedAt(), steps,
                content.findings(notice.title(), notice.body()), estimate(notice),
                new NoticeView.Stats(messages.stats(notice.id()), confirmations.confirmedCount(notice)),
                notice.replyRequired());
    }

    NoticeView.Person person(long accountId) {
        return accounts.findById(accountId)
                .map(a -> new NoticeView.Person(a.username(), a.displayName()))
                .orElse(null);
    }

    private NoticeView.Estimate estimate(Notice notice) {
        if (!ESTIMATED.contains(notice.status())) {
            return null;
        }
        FanOutService.Estimate estimate = fanOut.estimate(notice);
        return new NoticeView.Estimate(estimate.recipients(), estimate.segmentsPerMessage(), estimate.smsParts(),
                pricePerPart.multiply(BigDecimal.valueOf(estimate.smsParts())));
    }
}
