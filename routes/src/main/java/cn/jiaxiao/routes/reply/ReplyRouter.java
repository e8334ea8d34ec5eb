package cn.jiaxiao.routes.reply;

import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.provisioning.people.StudentRef;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.fanout.MessageComposer;
import cn.jiaxiao.routes.reply.ConfirmationMatcher.Kind;
import cn.jiaxiao.routes.reply.ReplyRepository.Inbound;
import cn.jiaxiao.routes.reply.ReplyRepository.Outcome;
import cn.jiaxiao.routes.reply.ReplyRepository.SentNotice;
import cn.jiaxiao.templates.model.LeaveStatus;
import cn.jiaxiao.templates.render.TemplateKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Acts on a parent's SMS once it is stored: counts a confirmation on the notice it answers, records a leave
 * request against the right student and tells the head teacher, attaches a reply to an absence alert, opts a
 * guardian out, answers HELP, and puts anything it cannot read in the head teacher's inbox with a short help
 * answer.
 *
 * <p>Each stored MO is handled once (keyed on its id: a redelivered or swept MO does nothing twice), in one
 * transaction with everything it records; answers leave after the commit. No answer goes to an unknown number
 * (a masked log line only), to one of the gateway's own numbers, to an automatic reply, or to a number that
 * had {@link ReplySettings#maxAnswersPerHour()} answers in the last hour: no loop with another robot.
 */
public class ReplyRouter implements LongConsumer {

    private static final Logger log = LoggerFactory.getLogger(ReplyRouter.class);

    private final ReplyRepository replies;
    private final LeaveRequestRepository leaves;
    private final AbsenceRepository absences;
    private final GuardianDirectory guardians;
    private final UnitRepository units;
    private final StaffAccountRepository staff;
    private final ReplySender sender;
    private final MessageComposer composer;
    private final ServiceNumbers numbers;
    private final AutoReplyDetector detector;
    private final ReplyTexts texts;
    private final ReplySettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionOperations tx;

    public ReplyRouter(ReplyRepository replies, LeaveRequestRepository leaves, AbsenceRepository absences,
            GuardianDirectory guardians, UnitRepository units, StaffAccountRepository staff, ReplySender sender,
            MessageComposer composer, ServiceNumbers numbers, ReplySettings settings, AuditTrail audit, Clock clock,
            TransactionOperations tx) {
        this.replies = replies;
        this.leaves = leaves;
        this.absences = absences;
        this.guardians = guardians;
        this.units = units;
        this.staff = staff;
        this.sender = sender;
        this.composer = composer;
        this.numbers = numbers;
        this.detector = new AutoReplyDetector(settings.signature());
        this.texts = new ReplyTexts(settings.signature());
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** Handles a stored MO; never throws (a reply that trips a bug is logged and left for the sweep to skip). */
    @Override
    public void accept(long inboundId) {
        try {
            handle(inboundId);
        } catch (RuntimeException e) {
            log.error("Reply {} could not be handled: {}", inboundId, e.toString(), e);
        }
    }

    /** Stored MOs of the last day never handled (the gateway stopped between storing and handling). */
    public int sweep() {
        List<Long> ids = replies.unhandled(Duration.ofSeconds(30), Duration.ofDays(1), 100);
        ids.forEach(this::accept);
        return ids.size();
    }

    void handle(long inboundId) {
        List<ReplySender.Prepared> out = new ArrayList<>();
        tx.executeWithoutResult(status -> process(inboundId, out));
        out.forEach(sender::send);
    }

    /** The sender's children (several guardians may share a number): each once, with the guardian linked. */
    private record Family(List<GuardianContact> guardians, Map<Long, StudentRef> children,
            Map<Long, Long> guardianOf) {

        List<String> names() {
            return children.values().stream().map(StudentRef::name).distinct().toList();
        }

        Optional<StudentRef> child(String name) {
            return children.values().stream().filter(c -> c.name().equals(name)).findFirst();
        }

        Optional<StudentRef> firstChild() {
            return children.values().stream().findFirst();
        }
    }

    private record Context(Inbound mo, long replyId, List<Long> guardianIds, Family family, boolean mayAnswer,
            Instant now, List<ReplySender.Prepared> out) {
    }

    private void process(long inboundId, List<ReplySender.Prepared> out) {
        Inbound mo = replies.inbound(inboundId).orElse(null);
        if (mo == null) {
            return;
        }
        Long replyId = replies.claim(mo).orElse(null);
        if (replyId == null) {
            log.debug("Reply {} was handled before", inboundId);
            return;
        }
        String masked = MobileNumber.mask(mo.source());
        if (numbers.isOwn(mo.source())) {
            log.warn("MO {} comes from the gateway's own number {}: not answered", inboundId, masked);
            replies.settle(replyId, new Outcome(null, null, null, null, "OWN_NUMBER", "IGNORED", null, false));
            return;
        }
        List<Long> guardianIds = replies.guardianIdsByHash(mo.sourceHash());
        if (guardianIds.isEmpty()) {
            log.info("MO {} from unknown number {}: no action", inboundId, masked);
            replies.settle(replyId, new Outcome(null, null, null, null, "UNKNOWN_NUMBER", "IGNORED", null, false));
            return;
        }
        Family family = family(guardianIds);
        if (detector.isAutomatic(mo.body(), replies.recentOutgoing(mo.sourceHash()))) {
            log.info("MO {} from {} is an automatic reply: not answered", inboundId, masked);
            replies.settle(replyId, outcome(family, null, null, "AUTOMATIC", "IGNORED", null, false));
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, settings.timeZone());
        ReplyIntent intent = ReplyParser.parse(mo.body(), today, family.names());
        boolean mayAnswer = replies.answersInLastHour(mo.sourceHash()) < settings.maxAnswersPerHour();
        if (!mayAnswer) {
            log.warn("Replies to {} are rate-limited ({} answers in the last hour): MO {} is recorded, not answered",
                    masked, settings.maxAnswersPerHour(), inboundId);
        }
        Context ctx = new Context(mo, replyId, guardianIds, family, mayAnswer, now, out);
        log.info("MO {} from {} read as {}", inboundId, masked, intent.getClass().getSimpleName());
        if (intent instanceof Help) {
            boolean sent = answer(ctx, "帮助", texts.help());
            replies.settle(replyId, outcome(family, null, null, "HELP", sent ? "ANSWERED" : "RATE_LIMITED", null,
                    sent));
        } else if (intent instanceof OptOut) {
            replies.optOut(guardianIds, replyId);
            audit.append(null, "GUARDIAN_OPTED_OUT", null, null, null, "家长短信退订：" + masked);
            boolean sent = answer(ctx, "退订确认", texts.optedOut());
            replies.settle(replyId, outcome(family, null, null, "OPT_OUT", "OPTED_OUT", null, sent));
        } else if (intent instanceof Confirmation) {
            confirm(ctx);
        } else if (intent instanceof LeaveRequest leave) {
            // an answer to an absence alert explains it; the leave is recorded all the same
            attachToAbsence(ctx, "LEAVE_REQUEST", false);
            recordLeave(ctx, leave);
        } else if (intent instanceof NeedsClarification unclear) {
            if (!attachToAbsence(ctx, "NEEDS_CLARIFICATION", true)) {
                boolean sent = answer(ctx, "请假信息不全", texts.clarify(unclear));
                StudentRef child = unclear.studentName() == null ? null
                        : family.child(unclear.studentName()).orElse(null);
                replies.settle(replyId, outcome(family, child, null, "NEEDS_CLARIFICATION", "FOR_TEACHER",
                        String.join(",", unclear.problems().stream().map(Enum::name).sorted().toList()), sent));
            }
        } else if (!attachToAbsence(ctx, "UNPARSED", true)) {
            boolean sent = answer(ctx, "自动回复", texts.notUnderstood());
            replies.settle(replyId, outcome(family, null, null, "UNPARSED", "FOR_TEACHER", null, sent));
        }
    }

    private void confirm(Context ctx) {
        List<SentNotice> sent = replies.sentNotices(ctx.mo().sourceHash(), ctx.guardianIds());
        var match = ConfirmationMatcher.match(extension(ctx.mo()),
                sent.stream().map(SentNotice::candidate).toList(), ctx.now().minus(settings.confirmationWindow()));
        if (match.kind() == Kind.MATCHED && isAbsence(sent, match.candidate().noticeId())) {
            attach(ctx, match.candidate().noticeId(), "CONFIRMATION");
            return;
        }
        switch (match.kind()) {
            case MATCHED -> {
                long noticeId = match.candidate().countsOn();
                long guardian = replies.guardianReached(noticeId, ctx.guardianIds()).orElse(ctx.guardianIds().get(0));
                replies.confirm(noticeId, guardian, ctx.replyId(), ctx.now());
                log.info("Notice {} confirmed by guardian {}{}", noticeId, guardian,
                        match.byExtension() ? " (extension code)" : "");
                replies.settle(ctx.replyId(), outcome(ctx.family(), null, noticeId, "CONFIRMATION", "CONFIRMED",
                        match.byExtension() ? "extension" : "window", false));
            }
            case ALREADY_CONFIRMED -> replies.settle(ctx.replyId(), outcome(ctx.family(), null,
                    match.candidate().countsOn(), "CONFIRMATION", "ALREADY_CONFIRMED", null, false));
            case AMBIGUOUS -> replies.settle(ctx.replyId(), outcome(ctx.family(), null, null, "CONFIRMATION",
                    "FOR_TEACHER", "有多条待确认的通知，无法判断确认的是哪一条", false));
            case NONE -> replies.settle(ctx.replyId(), outcome(ctx.family(), null, null, "CONFIRMATION",
                    "NO_NOTICE", null, false));
        }
    }

    /**
     * A reply to an absence alert (by extension code, or the latest unanswered alert sent to the number within
     * the window) is the guardian's explanation: attached to the absence. A leave request is also recorded.
     *
     * @param settle whether the reply ends here (else the caller settles it)
     */
    private boolean attachToAbsence(Context ctx, String intent, boolean settle) {
        List<SentNotice> alerts = replies.sentNotices(ctx.mo().sourceHash(), ctx.guardianIds()).stream()
                .filter(s -> TemplateKind.ABSENCE.name().equals(s.kind())).toList();
        if (alerts.isEmpty()) {
            return false;
        }
        var match = ConfirmationMatcher.match(extension(ctx.mo()), alerts.stream().map(SentNotice::candidate).toList(),
                ctx.now().minus(settings.confirmationWindow()));
        if (match.kind() != Kind.MATCHED) {
            return false;
        }
        if (settle) {
            attach(ctx, match.candidate().noticeId(), intent);
        } else {
            absences.byNotice(match.candidate().noticeId())
                    .ifPresent(a -> absences.attachReply(a.id(), ctx.replyId(), ctx.mo().body(), ctx.now()));
        }
        return true;
    }

    private void attach(Context ctx, long absenceNoticeId, String intent) {
        var absence = absences.byNotice(absenceNoticeId).orElse(null);
        if (absence == null) {
            replies.settle(ctx.replyId(), outcome(ctx.family(), null, absenceNoticeId, intent, "FOR_TEACHER",
                    "absence not found", false));
            return;
        }
        absences.attachReply(absence.id(), ctx.replyId(), ctx.mo().body(), ctx.now());
        log.info("Reply to absence alert {} attached to absence {}", absenceNoticeId, absence.id());
        replies.settle(ctx.replyId(), new Outcome(ctx.guardianIds().get(0), absence.studentId(), absence.classId(),
                absenceNoticeId, intent, "ABSENCE_REPLY", null, false));
    }

    private void recordLeave(Context ctx, LeaveRequest request) {
        StudentRef child = ctx.family().child(request.studentName()).orElseThrow();
        long guardianId = ctx.family().guardianOf().get(child.id());
        Unit schoolClass = units.findByCode(child.classCode()).orElseThrow();
        long leaveId = leaves.insert(ctx.replyId(), child.id(), schoolClass.id(), guardianId, request, ctx.mo().body(),
                ctx.now());
        String period = ReplyTexts.period(request.from(), request.to(), request.part());
        List<ReplySender.Recipient> to = new ArrayList<>();
        boolean answered = ctx.mayAnswer();
        if (answered) {
            to.add(new ReplySender.Recipient(guardianId, null, mobile(ctx.mo()),
                    LeaveRequests.confirmationText(composer, settings.signature(), child, LeaveStatus.RECEIVED, period, "")));
        }
        List<Long> headTeachers = replies.holdersAt("HEAD_TEACHER", schoolClass.id());
        String teacherText = texts.leaveForTeacher(child.name(), child.className(), period, request.reason());
        staff.mobilesOf(headTeachers).forEach((id, mobile) ->
                to.add(new ReplySender.Recipient(null, id, mobile, teacherText)));
        long drafter = headTeachers.isEmpty() ? replies.principal().orElseThrow() : headTeachers.get(0);
        ctx.out().add(sender.prepare(new ReplySender.Spec(TemplateKind.LEAVE_CONFIRMATION,
                "请假回执：" + child.name() + " " + period, teacherText, drafter, null, List.of(schoolClass), false, null,
                "家长短信请假 #" + leaveId + "：已收到，已通知班主任"), to));
        log.info("Leave request {} recorded for student {} ({})", leaveId, child.id(), period);
        replies.settle(ctx.replyId(), new Outcome(guardianId, child.id(), schoolClass.id(), null, "LEAVE_REQUEST",
                "LEAVE_RECORDED", "leave " + leaveId, answered));
    }

    /** An answer to the parent, unless the number is rate-limited: a notice of its own, filed under the class. */
    private boolean answer(Context ctx, String title, String text) {
        if (!ctx.mayAnswer()) {
            return false;
        }
        StudentRef child = ctx.family().firstChild().orElse(null);
        Unit schoolClass = child == null ? null : units.findByCode(child.classCode()).orElse(null);
        Long drafter = schoolClass == null ? null
                : replies.holdersAt("HEAD_TEACHER", schoolClass.id()).stream().findFirst().orElse(null);
        if (drafter == null) {
            drafter = replies.principal().orElse(null);
        }
        if (drafter == null) {
            log.warn("No account to file the answer to MO {} under: not answered", ctx.mo().id());
            return false;
        }
        ctx.out().add(sender.prepare(new ReplySender.Spec(TemplateKind.GENERAL, "自动回复：" + title, text, drafter, null,
                schoolClass == null ? List.of() : List.of(schoolClass), false, null, "家长短信自动回复，无需审批"),
                List.of(new ReplySender.Recipient(ctx.guardianIds().get(0), null, mobile(ctx.mo()), text))));
        return true;
    }

    private Family family(List<Long> guardianIds) {
        List<GuardianContact> contacts = guardians.guardiansByIds(guardianIds);
        Map<Long, StudentRef> children = new LinkedHashMap<>();
        Map<Long, Long> guardianOf = new LinkedHashMap<>();
        for (GuardianContact g : contacts) {
            for (StudentRef child : g.children()) {
                children.putIfAbsent(child.id(), child);
                guardianOf.putIfAbsent(child.id(), g.guardianId());
            }
        }
        return new Family(contacts, children, guardianOf);
    }

    private Outcome outcome(Family family, StudentRef child, Long noticeId, String intent, String outcome,
            String detail, boolean answered) {
        StudentRef about = child != null ? child : family.firstChild().orElse(null);
        Long classId = about == null ? null : units.findByCode(about.classCode()).map(Unit::id).orElse(null);
        Long guardian = about != null ? family.guardianOf().get(about.id())
                : family.guardians().isEmpty() ? null : family.guardians().get(0).guardianId();
        return new Outcome(guardian, child == null ? null : child.id(), classId, noticeId, intent, outcome, detail,
                answered);
    }

    private Optional<ServiceNumbers.Extension> extension(Inbound mo) {
        return numbers.extensionOf(mo.connection(), mo.destination());
    }

    private static boolean isAbsence(List<SentNotice> sent, long noticeId) {
        return sent.stream().anyMatch(s -> s.candidate().noticeId() == noticeId
                && TemplateKind.ABSENCE.name().equals(s.kind()));
    }

    private static MobileNumber mobile(Inbound mo) {
        return MobileNumber.parse(mo.source()).orElseThrow();
    }
}
