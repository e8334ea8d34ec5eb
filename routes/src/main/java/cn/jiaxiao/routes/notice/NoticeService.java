package cn.jiaxiao.routes.notice;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.approval.ApprovalChain;
import cn.jiaxiao.routes.approval.ApprovalRepository;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.routes.scope.ResolvedAudience;
import org.springframework.transaction.support.TransactionOperations;

/** Takes a drafter's notice in: validated, within his scope, stored with the approval chain it needs. */
public class NoticeService {

    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 2000;

    private final NoticeRepository notices;
    private final ApprovalRepository approvals;
    private final AudienceScope scope;
    private final ApprovalChain chains;
    private final UnitRepository units;
    private final TransactionOperations tx;

    public NoticeService(NoticeRepository notices, ApprovalRepository approvals, AudienceScope scope,
            ApprovalChain chains, UnitRepository units, TransactionOperations tx) {
        this.notices = notices;
        this.approvals = approvals;
        this.scope = scope;
        this.chains = chains;
        this.units = units;
        this.tx = tx;
    }

    public Notice submit(StaffAccount drafter, NoticeDraft draft) {
        validate(draft);
        ResolvedAudience audience = scope.resolve(drafter, draft.audience());
        long id = tx.execute(status -> {
            long noticeId = notices.insert(draft, NoticeStatus.PENDING_APPROVAL, drafter.id(),
                    ContentHash.of(draft), audience);
            approvals.insertChain(noticeId, chains.stepsFor(audience, drafter));
            return noticeId;
        });
        return notices.find(id).orElseThrow();
    }

    /** A notice as its reader may see it: his own, one he must decide on, or one within his scope. */
    public Notice get(StaffAccount reader, long id) {
        Notice notice = notices.find(id).orElseThrow(NoticeService::notFound);
        if (!mayRead(reader, notice)) {
            // Not 403: whether a notice outside one's scope exists is itself not one's business.
            throw notFound();
        }
        return notice;
    }

    private boolean mayRead(StaffAccount reader, Notice notice) {
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

    private static void validate(NoticeDraft draft) {
        if (draft.title() == null || draft.title().isBlank()) {
            throw ProblemException.invalid("title", "请填写通知标题");
        }
        if (draft.title().length() > MAX_TITLE) {
            throw ProblemException.invalid("title", "通知标题不能超过 " + MAX_TITLE + " 个字");
        }
        if (draft.body() == null || draft.body().isBlank()) {
            throw ProblemException.invalid("body", "请填写通知正文");
        }
        if (draft.body().length() > MAX_BODY) {
            throw ProblemException.invalid("body", "通知正文不能超过 " + MAX_BODY + " 个字");
        }
        if (draft.channels().isEmpty()) {
            throw ProblemException.invalid("channels", "请至少选择一个发送渠道");
        }
    }
}
