package cn.jiaxiao.routes.reply;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.fanout.MessageComposer;
import cn.jiaxiao.routes.reply.AbsenceRepository.Absence;
import cn.jiaxiao.routes.scope.AudienceScope;
import cn.jiaxiao.templates.model.Child;
import cn.jiaxiao.templates.model.NoticeDetails;
import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.render.TemplateKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Absence alerts (school rules 003 rule 2 §1, rule 4 §2): a head teacher marks a student absent or gone from
 * school without permission, and the guardians are told at once with the absence template — an attendance
 * alert needs no approval, and quiet hours do not hold it. Their reply is attached as the reason
 * ({@link ReplyRouter}); an alert nobody answered within the configured time is escalated to the grade leader.
 */
public class AbsenceService {

    private static final Logger log = LoggerFactory.getLogger(AbsenceService.class);
    private static final Set<Role> REPORTERS = Set.of(Role.HEAD_TEACHER, Role.GRADE_LEADER, Role.STUDENT_WORK_LEADER,
            Role.PRINCIPAL, Role.STUDENT_AFFAIRS_HEAD);
    /** The absence template asks for this reply: 请回复说明孩子的情况. */
    static final String REPLY_INSTRUCTION = "回复说明孩子的情况";

    public enum Kind { ABSENT, LEFT_SCHOOL }

    private final AbsenceRepository absences;
    private final ReplyRepository replies;
    private final NamedParameterJdbcTemplate jdbc;
    private final UnitRepository units;
    private final AudienceScope scope;
    private final StaffAccountRepository staff;
    private final cn.jiaxiao.provisioning.people.GuardianDirectory guardians;
    private final ReplySender sender;
    private final MessageComposer composer;
    private final ReplyTexts texts;
    private final String signature;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionOperations tx;

    public AbsenceService(AbsenceRepository absences, ReplyRepository replies, NamedParameterJdbcTemplate jdbc,
            UnitRepository units, AudienceScope scope, StaffAccountRepository staff,
            cn.jiaxiao.provisioning.people.GuardianDirectory guardians, ReplySender sender, MessageComposer composer,
            String signature, AuditTrail audit, Clock clock, TransactionOperations tx) {
        this.absences = absences;
        this.replies = replies;
        this.jdbc = jdbc;
        this.units = units;
        this.scope = scope;
        this.staff = staff;
        this.guardians = guardians;
        this.sender = sender;
        this.composer = composer;
        this.texts = new ReplyTexts(signature);
        this.signature = signature;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Absence report(StaffAccount reporter, long studentId, LocalDate date, Kind kind, String period,
            String note) {
        if (date == null) {
            throw ProblemException.invalid("date", "请填写日期");
        }
        String when = period == null ? "" : period.strip();
        String remark = note == null ? "" : note.strip();
        if (when.length() > 50) {
            throw ProblemException.invalid("period", "时段不能超过 50 字");
        }
        if (remark.length() > 200) {
            throw ProblemException.invalid("note", "备注不能超过 200 字");
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select name, class_id from student where id = :id",
                Map.of("id", studentId));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("学生不存在或不在您的管理范围内");
        }
        String studentName = (String) rows.get(0).get("name");
        Unit schoolClass = units.findById(((Number) rows.get(0).get("class_id")).longValue()).orElseThrow();
        if (!scope.covers(reporter, List.of(schoolClass))) {
            throw ProblemException.notFound("学生不存在或不在您的管理范围内");
        }
        if (REPORTERS.stream().noneMatch(role -> reporter.holds(role, schoolClass))) {
            throw ProblemException.forbidden("studentId", "只有班主任或年级、学校领导可以登记缺勤");
        }
        Instant now = clock.instant();
        String dateText = date.equals(LocalDate.ofInstant(now, clock.getZone())) ? "今天"
                : date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        // The built-in template says 未到校: a student gone from school is said in the period.
        String periodText = kind == Kind.LEFT_SCHOOL ? (when.isEmpty() ? "" : when) + "擅自离校后" : when;
        NoticeModel model = NoticeModel.builder(TemplateKind.ABSENCE).title("缺勤提醒").body(remark)
                .signature(signature).details(new NoticeDetails.Absence(dateText, periodText))
                .replyRequired(REPLY_INSTRUCTION).build();
        List<GuardianContact> family = guardiansOf(studentId);
        RecipientModel recipient = RecipientModel.guardianOf(List.of(new Child(studentName, schoolClass.name())));
        List<ReplySender.Recipient> to = new ArrayList<>();
        for (GuardianContact g : family) {
            if (g.mobile() != null) {
                to.add(new ReplySender.Recipient(g.guardianId(), null, g.mobile(), composer.renderSms(model, recipient)));
            }
        }
        ReplySender.Prepared prepared = tx.execute(status -> {
            long id = absences.insert(studentId, schoolClass.id(), date, kind.name(), when, remark, reporter.id(), now);
            ReplySender.Prepared p = sender.prepare(new ReplySender.Spec(TemplateKind.ABSENCE,
                    "缺勤提醒：" + studentName, to.isEmpty() ? "缺勤提醒" : to.get(0).text(), reporter.id(),
                    reporter.id(), List.of(schoolClass), true, null, "考勤提醒，立即通知家长，无需审批（学校规定003）"),
                    to);
            absences.linkNotice(id, p.noticeId());
            audit.append(p.noticeId(), "ABSENCE_REPORTED", reporter.id(), null, null,
                    "缺勤登记 #" + id + "：" + kind + " " + date + (when.isEmpty() ? "" : " " + when));
            return p;
        });
        sender.send(prepared);
        log.info("Absence of student {} reported; {} guardians alerted by SMS", studentId, prepared.recipients());
        return absences.find(absenceIdOf(prepared.noticeId())).orElseThrow();
    }

    public List<Absence> list(StaffAccount reader, int limit) {
        return absences.recent(5000).stream()
                .filter(a -> units.findById(a.classId()).map(c -> scope.covers(reader, List.of(c))).orElse(false))
                .limit(limit).toList();
    }

    /** Unanswered alerts older than {@code after} go to the grade leader: told by SMS, audited. */
    public int escalateOverdue(Duration after) {
        List<ReplySender.Prepared> out = new ArrayList<>();
        Integer n = tx.execute(status -> {
            List<Absence> overdue = absences.lockOverdue(clock.instant().minus(after));
            for (Absence absence : overdue) {
                Unit schoolClass = units.findById(absence.classId()).orElseThrow();
                List<Long> leaders = schoolClass.parentId() == null ? List.of()
                        : replies.holdersAt(Role.GRADE_LEADER.name(), schoolClass.parentId());
                Long leader = leaders.isEmpty() ? replies.principal().orElse(null) : leaders.get(0);
                absences.markEscalated(absence.id(), leader, clock.instant());
                String what = ReplyTexts.period(absence.date(), absence.date(), DayPart.FULL_DAY)
                        + ("LEFT_SCHOOL".equals(absence.kind()) ? "擅自离校" : "缺勤");
                String text = texts.absenceEscalation(absence.studentName(), absence.className(), what);
                List<ReplySender.Recipient> to = new ArrayList<>();
                if (leader != null) {
                    staff.mobilesOf(List.of(leader)).forEach((id, mobile) ->
                            to.add(new ReplySender.Recipient(null, id, mobile, text)));
                }
                long drafter = leader != null ? leader : absence.reportedBy();
                ReplySender.Prepared p = sender.prepare(new ReplySender.Spec(TemplateKind.GENERAL,
                        "缺勤未回复上报：" + absence.studentName(), text, drafter, null, List.of(schoolClass), false, null,
                        "缺勤提醒超时未获家长回复，上报年级组长"), to);
                audit.append(absence.noticeId(), "ABSENCE_ESCALATED", null,
                        leader == null ? null : Role.GRADE_LEADER.name(), null,
                        "缺勤登记 #" + absence.id() + " 家长未回复，已上报年级组长");
                out.add(p);
            }
            return overdue.size();
        });
        out.forEach(sender::send);
        return n == null ? 0 : n;
    }

    private List<GuardianContact> guardiansOf(long studentId) {
        List<Long> ids = jdbc.queryForList("select guardian_id from guardian_student where student_id = :id",
                Map.of("id", studentId), Long.class);
        return guardians.guardiansByIds(ids);
    }

    private long absenceIdOf(long noticeId) {
        return absences.byNotice(noticeId).orElseThrow().id();
    }
}
