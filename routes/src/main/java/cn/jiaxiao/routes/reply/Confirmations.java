package cn.jiaxiao.routes.reply;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.provisioning.people.StudentRef;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.fanout.MessageComposer;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.templates.model.Child;
import cn.jiaxiao.templates.model.NoticeDetails;
import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.render.TemplateKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Who confirmed a reply-required notice, and the reminder to those who did not. The caller has checked that
 * the actor may read the notice. A reminder of an approved notice needs no new approval (its text is the
 * fixed reminder template); it is a notice of its own (kind REPLY_REMINDER, {@code reply_for} the original),
 * audited on both.
 */
public class Confirmations {

    private static final Set<NoticeStatus> SENT = EnumSet.of(NoticeStatus.SENDING, NoticeStatus.SENT,
            NoticeStatus.PARTIALLY_FAILED);

    private final ReplyRepository replies;
    private final NoticeRepository notices;
    private final GuardianDirectory guardians;
    private final UnitRepository units;
    private final ReplySender sender;
    private final MessageComposer composer;
    private final AuditTrail audit;
    private final String signature;
    private final ZoneId zone;
    private final TransactionOperations tx;

    public Confirmations(ReplyRepository replies, NoticeRepository notices, GuardianDirectory guardians,
            UnitRepository units, ReplySender sender, MessageComposer composer, AuditTrail audit, String signature,
            ZoneId zone, TransactionOperations tx) {
        this.replies = replies;
        this.notices = notices;
        this.guardians = guardians;
        this.units = units;
        this.sender = sender;
        this.composer = composer;
        this.audit = audit;
        this.signature = signature;
        this.zone = zone;
        this.tx = tx;
    }

    /** Guardians who confirmed, and those who have not. */
    public record Listing(long noticeId, int confirmed, int notConfirmed, List<ReplyRepository.ConfirmationRow> items) {
    }

    public Listing list(Notice notice) {
        List<ReplyRepository.ConfirmationRow> rows = replies.confirmations(notice.id());
        int confirmed = (int) rows.stream().filter(r -> r.confirmedAt() != null).count();
        return new Listing(notice.id(), confirmed, rows.size() - confirmed, rows);
    }

    /** null for a notice that asks no reply. */
    public Integer confirmedCount(Notice notice) {
        return notice.replyRequired() ? replies.confirmedCount(notice.id()) : null;
    }

    public record Reminder(long noticeId, long reminderId, int recipients) {
    }

    public Reminder remind(StaffAccount actor, Notice notice) {
        if (!notice.replyRequired()) {
            throw ProblemException.conflict("该通知不需要家长回复确认，无需催办");
        }
        if (!SENT.contains(notice.status())) {
            throw ProblemException.conflict("通知当前状态为 " + notice.status() + "，发送后才能提醒未确认的家长");
        }
        List<Long> pending = replies.notConfirmed(notice.id());
        if (pending.isEmpty()) {
            throw ProblemException.conflict("所有家长均已确认，无需提醒");
        }
        String sentOn = notice.sendingAt() == null ? ""
                : LocalDate.ofInstant(notice.sendingAt(), zone).getMonthValue() + "月"
                        + LocalDate.ofInstant(notice.sendingAt(), zone).getDayOfMonth() + "日";
        NoticeModel model = NoticeModel.builder(TemplateKind.REPLY_REMINDER).title("回复提醒").signature(signature)
                .details(new NoticeDetails.ReplyReminder(notice.title(), sentOn))
                .replyRequired(NoticeModel.DEFAULT_REPLY_INSTRUCTION).build();
        Set<Long> classIds = Set.copyOf(notices.classIds(notice.id()));
        List<ReplySender.Recipient> to = new ArrayList<>();
        for (GuardianContact g : guardians.guardiansByIds(pending)) {
            if (g.mobile() == null) {
                continue;
            }
            List<Child> children = new ArrayList<>();
            for (StudentRef child : g.children()) {
                if (classIds.isEmpty() || units.findByCode(child.classCode())
                        .map(u -> classIds.contains(u.id())).orElse(false)) {
                    children.add(new Child(child.name(), child.className()));
                }
            }
            RecipientModel recipient = children.isEmpty() ? new RecipientModel(g.name(), List.of())
                    : RecipientModel.guardianOf(children);
            to.add(new ReplySender.Recipient(g.guardianId(), null, g.mobile(), composer.renderSms(model, recipient)));
        }
        ReplySender.Prepared prepared = tx.execute(status -> {
            notices.lock(notice.id());
            ReplySender.Prepared p = sender.prepare(new ReplySender.Spec(TemplateKind.REPLY_REMINDER,
                    "回复提醒：" + notice.title(), to.isEmpty() ? "回复提醒" : to.get(0).text(), actor.id(), actor.id(),
                    units.findByIds(List.copyOf(classIds)), true, notice.id(),
                    "通知 #" + notice.id() + " 的回复提醒，原通知已审批，无需重新审批"), to);
            audit.append(notice.id(), "REMINDED", actor.id(), null, notice.contentHash(),
                    "向 " + p.recipients() + " 位未确认的家长发送回复提醒（通知 #" + p.noticeId() + "）");
            return p;
        });
        sender.send(prepared);
        return new Reminder(notice.id(), prepared.noticeId(), prepared.recipients());
    }
}
