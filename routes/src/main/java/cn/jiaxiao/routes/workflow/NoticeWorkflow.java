package cn.jiaxiao.routes.workflow;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.approval.ApprovalAction;
import cn.jiaxiao.routes.approval.ApprovalChain;
import cn.jiaxiao.routes.approval.ApprovalRepository;
import cn.jiaxiao.routes.approval.ApprovalStep;
import cn.jiaxiao.routes.approval.ChainKind;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.fanout.ReleaseQueue;
import cn.jiaxiao.routes.notice.ContentHash;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeDraft;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.routes.quota.QuotaGuard;
import cn.jiaxiao.routes.schedule.QuietHours;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.routes.scope.ResolvedAudience;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Every state change of a notice (001 §5, 谁审批,谁负责): submission, edits, review, approval, registration,
 * rejection, cancellation, release and scheduling. Each change locks the notice row, checks who may make it
 * and in which state, and appends to the audit trail in the same transaction. Nobody decides on his own
 * notice, and every decision is bound to the content it was made on: an edit starts the chain again.
 */
public class NoticeWorkflow {

    private static final Set<NoticeStatus> EDITABLE = EnumSet.of(NoticeStatus.DRAFT, NoticeStatus.REJECTED,
            NoticeStatus.PENDING_REVIEW, NoticeStatus.PENDING_APPROVAL);
    private static final Set<NoticeStatus> CANCELLABLE = EnumSet.of(NoticeStatus.DRAFT, NoticeStatus.REJECTED,
            NoticeStatus.PENDING_REVIEW, NoticeStatus.PENDING_APPROVAL, NoticeStatus.APPROVED, NoticeStatus.SCHEDULED);
    private static final Set<NoticeStatus> PENDING = EnumSet.of(NoticeStatus.PENDING_REVIEW,
            NoticeStatus.PENDING_APPROVAL);

    private final NoticeRepository notices;
    private final ApprovalRepository approvals;
    private final ApprovalChain chains;
    private final AudienceScope scope;
    private final UnitRepository units;
    private final AuditTrail audit;
    private final ReleaseQueue releases;
    /** Read at each decision: the school may change quiet hours while the gateway runs. */
    private final Supplier<QuietHours> quietHours;
    private final Clock clock;
    private final TransactionOperations tx;
    private final List<SubmissionCheck> checks;
    private final QuotaGuard quota;

    public NoticeWorkflow(NoticeRepository notices, ApprovalRepository approvals, ApprovalChain chains,
            AudienceScope scope, UnitRepository units, AuditTrail audit, ReleaseQueue releases,
            Supplier<QuietHours> quietHours, Clock clock, TransactionOperations tx, List<SubmissionCheck> checks) {
        this(notices, approvals, chains, scope, units, audit, releases, quietHours, clock, tx, checks, QuotaGuard.NONE);
    }

    /** With SMS quotas and the per-recipient cap: checked at submission and approval, taken at release. */
    public NoticeWorkflow(NoticeRepository notices, ApprovalRepository approvals, ApprovalChain chains,
            AudienceScope scope, UnitRepository units, AuditTrail audit, ReleaseQueue releases,
            Supplier<QuietHours> quietHours, Clock clock, TransactionOperations tx, List<SubmissionCheck> checks,
            QuotaGuard quota) {
        this.notices = notices;
        this.approvals = approvals;
        this.chains = chains;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.releases = releases;
        this.quietHours = quietHours;
        this.clock = clock;
        this.tx = tx;
        this.checks = List.copyOf(checks);
        this.quota = quota;
    }

    /** A check a notice must pass before it goes to its approvers (the content check). */
    @FunctionalInterface
    public interface SubmissionCheck {
        void check(NoticeDraft draft, boolean submitting, boolean warningsAcknowledged);
    }

    /** Stores a new notice and, unless it is only a draft, submits it for approval. */
    public Notice create(StaffAccount drafter, NoticeDraft draft, boolean onlyDraft, boolean warningsAcknowledged) {
        ResolvedAudience audience = admit(drafter, draft, !onlyDraft, warningsAcknowledged);
        long id = tx.execute(status -> {
            long noticeId = notices.insert(draft, NoticeStatus.DRAFT, drafter.id(), ContentHash.of(draft), audience);
            audit.append(noticeId, "DRAFTED", drafter.id(), null, ContentHash.of(draft), null);
            if (!onlyDraft) {
                startChain(notices.lock(noticeId).orElseThrow(), drafter, audience);
            }
            return noticeId;
        });
        return notices.find(id).orElseThrow();
    }

    /** The drafter changes his notice; a notice already under review starts its chain again. */
    public Notice edit(StaffAccount drafter, long id, NoticeDraft draft, boolean warningsAcknowledged) {
        ResolvedAudience audience = admit(drafter, draft, false, warningsAcknowledged);
        tx.executeWithoutResult(status -> {
            Notice notice = lockOwn(drafter, id);
            if (!EDITABLE.contains(notice.status())) {
                throw stateConflict(notice, "修改");
            }
            String hash = ContentHash.of(draft);
            notices.updateContent(id, draft, hash, audience);
            audit.append(id, "EDITED", drafter.id(), null, hash, null);
            if (PENDING.contains(notice.status())) {
                checks.forEach(check -> check.check(draft, true, warningsAcknowledged));
                startChain(notices.lock(id).orElseThrow(), drafter, audience);
            } else if (notice.status() == NoticeStatus.REJECTED) {
                notices.updateStatus(id, NoticeStatus.DRAFT);
            }
        });
        return notices.find(id).orElseThrow();
    }

    /** Submits a draft, or resubmits a rejected notice: a new round of approval. */
    public Notice submit(StaffAccount drafter, long id, boolean warningsAcknowledged) {
        tx.executeWithoutResult(status -> {
            Notice notice = lockOwn(drafter, id);
            if (notice.status() != NoticeStatus.DRAFT && notice.status() != NoticeStatus.REJECTED) {
                throw stateConflict(notice, "提交");
            }
            NoticeDraft draft = draftOf(notice);
            startChain(notice, drafter, admit(drafter, draft, true, warningsAcknowledged));
        });
        return notices.find(id).orElseThrow();
    }

    public Notice review(StaffAccount actor, long id, String comment, String seenHash) {
        return decide(actor, id, EnumSet.of(ApprovalAction.REVIEW), comment, seenHash);
    }

    /** Approves, or registers (登记备案) a department request: whichever the current step asks of this actor. */
    public Notice approve(StaffAccount actor, long id, String comment, String seenHash) {
        return decide(actor, id, EnumSet.of(ApprovalAction.APPROVE, ApprovalAction.REGISTER), comment, seenHash);
    }

    public Notice reject(StaffAccount actor, long id, String reason) {
        String why = NoticeValidator.reason("reason", reason);
        tx.executeWithoutResult(status -> {
            Notice notice = lock(id);
            ApprovalStep step = currentStepFor(actor, notice);
            approvals.decide(step, actor.id(), notice.contentHash(), "驳回：" + why);
            notices.reject(id, why);
            audit.append(id, "REJECTED", actor.id(), step.role().name(), notice.contentHash(), why);
        });
        return notices.find(id).orElseThrow();
    }

    /** The drafter, or anyone in the notice's chain, cancels it before sending starts. */
    public Notice cancel(StaffAccount actor, long id, String reason) {
        tx.executeWithoutResult(status -> {
            Notice notice = lock(id);
            boolean inChain = approvals.chain(id).stream().anyMatch(step -> holds(actor, step));
            if (notice.drafterId() != actor.id() && !inChain) {
                throw ProblemException.forbidden(null, "只有起草人或审批人可以撤销该通知");
            }
            if (!CANCELLABLE.contains(notice.status())) {
                throw stateConflict(notice, "撤销");
            }
            notices.updateStatus(id, NoticeStatus.CANCELLED);
            quota.cancelled(notice);
            audit.append(id, "CANCELLED", actor.id(), null, notice.contentHash(), reason);
        });
        return notices.find(id).orElseThrow();
    }

    /** A department's designated sender releases his approved and registered request (001 §6). */
    public Notice release(StaffAccount sender, long id) {
        List<Long> queued = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            Notice notice = lock(id);
            if (!notice.isFiledRequest()) {
                throw ProblemException.conflict("只有部门书面申请需要发送人放行；其他通知审批后自动发送");
            }
            if (notice.drafterId() != sender.id()) {
                throw ProblemException.forbidden(null, "只有该部门的指定发送人可以放行");
            }
            if (notice.status() != NoticeStatus.APPROVED || notice.releasedAt() != null) {
                throw stateConflict(notice, "放行");
            }
            notices.markReleased(id);
            dispatch(notice, sender.id(), queued);
        });
        queued.forEach(releases::release);
        return notices.find(id).orElseThrow();
    }

    /** Scheduled notices whose time has come (quiet hours over, send time reached): released once, cluster-wide. */
    public List<Long> releaseDueScheduled() {
        List<Long> due = tx.execute(status -> {
            List<Long> ids = notices.lockDueScheduled(clock.instant());
            for (Long id : ids) {
                quota.releasedOnSchedule(notices.find(id).orElseThrow());
                notices.updateStatus(id, NoticeStatus.APPROVED);
                audit.append(id, "RELEASED", null, null, null, "定时发送时间已到");
            }
            return ids;
        });
        due.forEach(releases::release);
        return due;
    }

    /** Steps waiting longer than {@code after} go up a level (to the principal), so no notice waits forever. */
    public int escalateOverdue(Duration after) {
        int escalated = 0;
        for (ApprovalStep step : approvals.waitingSince(clock.instant().minus(after))) {
            if (step.role() == Role.PRINCIPAL || step.action() == ApprovalAction.REGISTER) {
                continue;
            }
            Unit school = units.lineage(units.findById(step.unitId()).orElseThrow()).get(0);
            Boolean done = tx.execute(status -> {
                Notice notice = lock(step.noticeId());
                if (!PENDING.contains(notice.status()) || notice.approvalRound() != step.round()) {
                    return false;
                }
                if (!approvals.escalate(step, Role.PRINCIPAL, school.id())) {
                    return false; // another instance's timer was first
                }
                audit.append(step.noticeId(), "ESCALATED", null, Role.PRINCIPAL.name(), notice.contentHash(),
                        step.role() + " 超时未处理，转校领导审批");
                return true;
            });
            escalated += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return escalated;
    }

    private Notice decide(StaffAccount actor, long id, Set<ApprovalAction> actions, String comment, String seenHash) {
        List<Long> queued = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            Notice notice = lock(id);
            if (seenHash != null && !seenHash.equals(notice.contentHash())) {
                throw ProblemException.conflict("通知内容已被修改，请重新查看后再审批");
            }
            ApprovalStep step = currentStepFor(actor, notice);
            if (!actions.contains(step.action())) {
                throw ProblemException.conflict("当前步骤是" + describe(step.action()) + "，不是" + describe(actions));
            }
            approvals.decide(step, actor.id(), notice.contentHash(), comment);
            audit.append(id, step.action() == ApprovalAction.REVIEW ? "REVIEWED"
                    : step.action() == ApprovalAction.REGISTER ? "REGISTERED" : "APPROVED",
                    actor.id(), step.role().name(), notice.contentHash(), comment);
            ApprovalStep next = approvals.current(id).orElse(null);
            if (next != null) {
                notices.updateStatus(id, statusFor(next));
                return;
            }
            finishChain(notices.lock(id).orElseThrow(), actor, queued);
        });
        queued.forEach(releases::release);
        return notices.find(id).orElseThrow();
    }

    private void finishChain(Notice notice, StaffAccount lastApprover, List<Long> queued) {
        if (ChainKind.DIVISION.name().equals(notices.chainKind(notice.id()))) {
            notices.markFiled(notice.id());
            audit.append(notice.id(), "FILED", null, Role.STUDENT_AFFAIRS_HEAD.name(), notice.contentHash(),
                    "年级（学院）通知已报学生处备案");
        }
        if (notice.isFiledRequest()) {
            quota.approved(notice);
            notices.updateStatus(notice.id(), NoticeStatus.APPROVED);
            audit.append(notice.id(), "AWAITING_RELEASE", null, Role.DEPARTMENT_SENDER.name(), notice.contentHash(),
                    "已审批并登记备案，待部门指定发送人放行");
            return;
        }
        dispatch(notice, lastApprover.id(), queued);
    }

    /** Sends now, or schedules: an emergency never waits; anything else waits for its send time and quiet hours. */
    private void dispatch(Notice notice, Long actorId, List<Long> queued) {
        Instant now = clock.instant();
        Instant wanted = notice.sendAt() == null || notice.sendAt().isBefore(now) ? now : notice.sendAt();
        QuietHours quiet = quietHours.get();
        Instant sendAt = notice.isEmergency() ? now : quiet.nextAllowed(wanted);
        if (sendAt.isAfter(now)) {
            quota.approved(notice);
            notices.schedule(notice.id(), sendAt);
            audit.append(notice.id(), "SCHEDULED", actorId, null, notice.contentHash(),
                    quiet.contains(wanted) ? "夜间免打扰时段，待 " + sendAt + " 发送" : "定时于 " + sendAt + " 发送");
            return;
        }
        quota.released(notice);
        notices.updateStatus(notice.id(), NoticeStatus.APPROVED);
        audit.append(notice.id(), "RELEASED", actorId, null, notice.contentHash(),
                notice.isEmergency() ? "紧急通知，立即发送" : null);
        queued.add(notice.id());
    }

    private void startChain(Notice notice, StaffAccount drafter, ResolvedAudience audience) {
        quota.submitted(notice, drafter);
        ChainKind kind = chains.kindOf(audience, notice.isEmergency(), notice.isFiledRequest());
        var steps = chains.stepsFor(kind, audience, drafter);
        NoticeStatus first = steps.get(0).action() == ApprovalAction.REVIEW ? NoticeStatus.PENDING_REVIEW
                : NoticeStatus.PENDING_APPROVAL;
        int round = notices.startRound(notice.id(), first, kind.name());
        approvals.insertChain(notice.id(), round, steps);
        audit.append(notice.id(), "SUBMITTED", drafter.id(), null, notice.contentHash(),
                notice.isFiledRequest() ? "书面申请：" + notice.requestReason() : null);
    }

    /** Shape, sender's rights for the kind of notice, scope of the audience, and (when submitting) content. */
    private ResolvedAudience admit(StaffAccount drafter, NoticeDraft draft, boolean submitting,
            boolean warningsAcknowledged) {
        NoticeValidator.validate(draft);
        boolean filed = draft.requestReason() != null;
        if (filed && !drafter.holds(Role.DEPARTMENT_SENDER)) {
            throw ProblemException.forbidden("requestReason", "只有部门指定发送人可以提交书面申请");
        }
        if (draft.kind() == cn.jiaxiao.templates.render.TemplateKind.EMERGENCY
                && !drafter.holds(Role.OFFICE_SENDER)) {
            throw ProblemException.forbidden("kind", "紧急通知须由校办室起草，经校长批准后立即发送");
        }
        if (draft.sendAt() != null && draft.sendAt().isBefore(clock.instant().minus(Duration.ofMinutes(1)))) {
            throw ProblemException.invalid("sendAt", "发送时间不能早于现在");
        }
        ResolvedAudience audience = scope.resolve(drafter, draft.audience(), filed);
        checks.forEach(check -> check.check(draft, submitting, warningsAcknowledged));
        return audience;
    }

    private ApprovalStep currentStepFor(StaffAccount actor, Notice notice) {
        if (notice.drafterId() == actor.id()) {
            throw ProblemException.forbidden(null, "起草人不能审核或审批自己起草的通知（谁审批，谁负责）");
        }
        if (!PENDING.contains(notice.status())) {
            throw stateConflict(notice, "审批");
        }
        ApprovalStep step = approvals.current(notice.id())
                .orElseThrow(() -> ProblemException.conflict("该通知的审批已全部完成"));
        if (!holds(actor, step)) {
            Unit unit = units.findById(step.unitId()).orElseThrow();
            boolean laterInChain = approvals.chain(notice.id()).stream()
                    .anyMatch(later -> later.seq() > step.seq() && holds(actor, later));
            if (laterInChain) {
                throw ProblemException.conflict("须先由" + unit.name() + "的 " + step.role() + " "
                        + describe(step.action()) + "，您的步骤尚未开始");
            }
            throw ProblemException.forbidden(null, "当前步骤须由" + unit.name() + "的 " + step.role() + " "
                    + describe(step.action()) + "，您无此权限");
        }
        return step;
    }

    private boolean holds(StaffAccount actor, ApprovalStep step) {
        return units.findById(step.unitId()).map(unit -> actor.holds(step.role(), unit)).orElse(false);
    }

    private Notice lock(long id) {
        return notices.lock(id).orElseThrow(() -> ProblemException.notFound("通知不存在或不在您的管理范围内"));
    }

    private Notice lockOwn(StaffAccount drafter, long id) {
        Notice notice = lock(id);
        if (notice.drafterId() != drafter.id()) {
            throw ProblemException.forbidden(null, "只有起草人可以修改或提交该通知");
        }
        return notice;
    }

    private static NoticeDraft draftOf(Notice notice) {
        return new NoticeDraft(notice.title(), notice.body(), notice.kind(), notice.audience(), notice.channels(),
                notice.sendAt(), notice.requestReason(), notice.fallback());
    }

    private static NoticeStatus statusFor(ApprovalStep step) {
        return step.action() == ApprovalAction.REVIEW ? NoticeStatus.PENDING_REVIEW : NoticeStatus.PENDING_APPROVAL;
    }

    private static ProblemException stateConflict(Notice notice, String what) {
        return ProblemException.conflict("通知当前状态为 " + notice.status() + "，不能" + what);
    }

    private static String describe(ApprovalAction action) {
        return switch (action) {
            case REVIEW -> "审核";
            case APPROVE -> "审批";
            case REGISTER -> "登记备案";
        };
    }

    private static String describe(Set<ApprovalAction> actions) {
        return String.join("或", actions.stream().map(NoticeWorkflow::describe).toList());
    }
}
