package cn.jiaxiao.routes.reply;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.provisioning.people.StudentRef;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.reply.LeaveRequestRepository.Leave;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.routes.fanout.MessageComposer;
import cn.jiaxiao.templates.model.Child;
import cn.jiaxiao.templates.model.LeaveStatus;
import cn.jiaxiao.templates.model.NoticeDetails;
import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.render.TemplateKind;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Leave requests as staff see and decide them. Reading is scoped like notices (a head teacher his classes, a
 * grade leader his grade, the school level everything; out of scope is "not found"); the head teacher of the
 * class (or a grade leader or school leader over it) approves or rejects, and the guardian gets the templated
 * confirmation (已批准 / 未获批准) by SMS. Each decision is audited.
 */
public class LeaveRequests {

    private static final Set<Role> DECIDERS = Set.of(Role.HEAD_TEACHER, Role.GRADE_LEADER, Role.STUDENT_WORK_LEADER,
            Role.PRINCIPAL, Role.STUDENT_AFFAIRS_HEAD);

    private final LeaveRequestRepository leaves;
    private final UnitRepository units;
    private final AudienceScope scope;
    private final GuardianDirectory guardians;
    private final ReplySender sender;
    private final MessageComposer composer;
    private final String signature;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionOperations tx;

    public LeaveRequests(LeaveRequestRepository leaves, UnitRepository units, AudienceScope scope,
            GuardianDirectory guardians, ReplySender sender, MessageComposer composer, String signature,
            AuditTrail audit, Clock clock, org.springframework.transaction.support.TransactionOperations tx) {
        this.leaves = leaves;
        this.units = units;
        this.scope = scope;
        this.guardians = guardians;
        this.sender = sender;
        this.composer = composer;
        this.signature = signature;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public List<Leave> list(StaffAccount reader, String state, int limit) {
        String wanted = state == null || state.isBlank() ? null : state.trim().toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && !Set.of("PENDING", "APPROVED", "REJECTED").contains(wanted)) {
            throw ProblemException.invalid("state", "未知的状态：" + state);
        }
        return leaves.recent(wanted, 5000).stream().filter(l -> mayRead(reader, l.classId())).limit(limit).toList();
    }

    public Leave get(StaffAccount reader, long id) {
        Leave leave = leaves.find(id).orElseThrow(LeaveRequests::notFound);
        if (!mayRead(reader, leave.classId())) {
            throw notFound();
        }
        return leave;
    }

    public Leave approve(StaffAccount actor, long id, String note) {
        return decide(actor, id, true, note);
    }

    public Leave reject(StaffAccount actor, long id, String note) {
        return decide(actor, id, false, note);
    }

    private Leave decide(StaffAccount actor, long id, boolean approve, String note) {
        String remark = note == null || note.isBlank() ? "" : note.strip();
        if (remark.length() > 200) {
            throw ProblemException.invalid("note", "说明不能超过 200 字");
        }
        get(actor, id);
        ReplySender.Prepared prepared = tx.execute(status -> {
            Leave leave = leaves.lock(id).orElseThrow(LeaveRequests::notFound);
            Unit schoolClass = units.findById(leave.classId()).orElseThrow();
            if (DECIDERS.stream().noneMatch(role -> actor.holds(role, schoolClass))) {
                throw ProblemException.forbidden(null, "只有该班班主任或年级、学校领导可以审批请假");
            }
            if (!"PENDING".equals(leave.state())) {
                throw ProblemException.conflict("该请假申请已处理（" + leave.state() + "）");
            }
            String state = approve ? "APPROVED" : "REJECTED";
            leaves.decide(id, state, actor.id(), remark.isEmpty() ? null : remark, clock.instant());
            ReplySender.Prepared p = null;
            GuardianContact guardian = leave.guardianId() == null ? null
                    : guardians.guardiansByIds(List.of(leave.guardianId())).stream().findFirst().orElse(null);
            LeaveStatus status2 = approve ? LeaveStatus.APPROVED : LeaveStatus.NOT_APPROVED;
            StudentRef child = new StudentRef(leave.studentId(), leave.studentName(), leave.classCode(),
                    leave.className());
            String text = confirmationText(composer, signature, child, status2, leave.period(), remark);
            MobileNumber mobile = guardian == null ? null : guardian.mobile();
            p = sender.prepare(new ReplySender.Spec(TemplateKind.LEAVE_CONFIRMATION,
                    "请假" + status2.text() + "：" + leave.studentName() + " " + leave.period(), text, actor.id(),
                    actor.id(), List.of(schoolClass), false, null, "请假申请 #" + id + " " + status2.text()),
                    mobile == null ? List.of() : List.of(new ReplySender.Recipient(guardian.guardianId(), null, mobile,
                            text)));
            audit.append(p.noticeId(), approve ? "LEAVE_APPROVED" : "LEAVE_REJECTED", actor.id(),
                    Role.HEAD_TEACHER.name(), null, "请假申请 #" + id + (remark.isEmpty() ? "" : "：" + remark));
            return p;
        });
        sender.send(prepared);
        return leaves.find(id).orElseThrow();
    }

    /** The guardian's SMS about his leave request, from the LEAVE_CONFIRMATION template (school overrides apply). */
    static String confirmationText(MessageComposer composer, String signature, StudentRef child, LeaveStatus status,
            String period, String note) {
        NoticeModel model = NoticeModel.builder(TemplateKind.LEAVE_CONFIRMATION).title("请假回执").signature(signature)
                .details(new NoticeDetails.LeaveConfirmation(status, period, note)).build();
        return composer.renderSms(model, RecipientModel.guardianOf(List.of(new Child(child.name(), child.className()))));
    }

    private boolean mayRead(StaffAccount reader, long classId) {
        return units.findById(classId).map(c -> scope.covers(reader, List.of(c))).orElse(false);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("请假申请不存在或不在您的管理范围内");
    }
}
