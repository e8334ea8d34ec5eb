package cn.jiaxiao.routes.reply;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.delivery.BatchQueue;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.QueuedMessage;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SendBatches;
import cn.jiaxiao.routes.notice.Audience;
import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.notice.ContentHash;
import cn.jiaxiao.routes.notice.NoticeDraft;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.routes.scope.ResolvedAudience;
import cn.jiaxiao.templates.render.TemplateKind;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Sends the gateway's own SMS: answers to a parent (help, opt-out, leave receipts and decisions), reminders,
 * absence alerts and messages to staff. Each is a real notice (so the archive, the deliveries API and the
 * audit trail cover it), stored already approved (an answer, an attendance alert or the reminder of an
 * approved notice needs no new approval, school rules 003) and moved to SENDING with its messages in the
 * caller's transaction; {@link #send} hands the messages to the SMS senders after the commit.
 */
public class ReplySender {

    private final NoticeRepository notices;
    private final OutboundMessageRepository messages;
    private final AuditTrail audit;
    private final BatchQueue queue;
    private final NamedParameterJdbcTemplate jdbc;
    private final int batchSize;

    public ReplySender(NoticeRepository notices, OutboundMessageRepository messages, AuditTrail audit,
            BatchQueue queue, NamedParameterJdbcTemplate jdbc, int batchSize) {
        this.notices = notices;
        this.messages = messages;
        this.audit = audit;
        this.queue = queue;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    /** One SMS: to a guardian or to a staff member, its text complete (signature included). */
    public record Recipient(Long guardianId, Long staffId, MobileNumber mobile, String text) {
    }

    /**
     * @param drafterId the account the notice is filed under (the head teacher of the class, or whoever acted)
     * @param actorId who acted, null for the gateway itself
     * @param classes the classes the notice concerns: who may read it
     * @param replyFor the original notice of a reminder, else null
     */
    public record Spec(TemplateKind kind, String title, String body, long drafterId, Long actorId,
            List<Unit> classes, boolean replyRequired, Long replyFor, String comment) {
    }

    public record Prepared(long noticeId, List<SendBatch> batches, int recipients) {
    }

    /** Inside the caller's transaction: the notice and its messages; nothing leaves before {@link #send}. */
    public Prepared prepare(Spec spec, List<Recipient> recipients) {
        List<String> classCodes = spec.classes().stream().map(Unit::code).toList();
        String body = cut(spec.body(), 2000);
        NoticeDraft draft = new NoticeDraft(cut(spec.title(), 100), body, spec.kind(),
                new Audience(classCodes, List.of(), List.of(), false, false), List.of(Channel.SMS), null, null, false,
                spec.replyRequired());
        String hash = ContentHash.of(draft);
        Set<Long> guardians = new HashSet<>();
        Set<Long> staff = new HashSet<>();
        recipients.forEach(r -> {
            if (r.guardianId() != null) {
                guardians.add(r.guardianId());
            }
            if (r.staffId() != null) {
                staff.add(r.staffId());
            }
        });
        long id = notices.insert(draft, NoticeStatus.APPROVED, spec.drafterId(), hash,
                new ResolvedAudience(spec.classes(), List.copyOf(guardians), List.copyOf(staff),
                        spec.classes().isEmpty() ? null : spec.classes().get(0)));
        if (spec.replyFor() != null) {
            jdbc.update("update notice set reply_for = :original where id = :id",
                    Map.of("original", spec.replyFor(), "id", id));
        }
        audit.append(id, "DRAFTED", spec.actorId(), null, hash, null);
        notices.updateStatus(id, NoticeStatus.APPROVED);
        audit.append(id, "RELEASED", spec.actorId(), null, hash, cut(spec.comment(), 1000));
        List<NewMessage> planned = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (Recipient r : recipients) {
            if (r.mobile() != null && numbers.add(r.mobile().e164())) {
                planned.add(new NewMessage(id, Channel.SMS.name(), r.guardianId(), r.staffId(), r.mobile(), r.text(),
                        SmsSegments.of(r.text()).count()));
            }
        }
        List<QueuedMessage> queued = messages.insertAll(planned);
        notices.updateStatus(id, NoticeStatus.SENDING);
        notices.recordRecipientCount(id, queued.size());
        audit.append(id, NoticeStatus.SENDING.name(), null, null, hash, queued.size() + " 条消息");
        return new Prepared(id, SendBatches.of(queued, batchSize), queued.size());
    }

    /** After the commit: the messages go to the senders (quiet hours still hold what may wait). */
    public void send(Prepared prepared) {
        if (prepared == null || prepared.batches().isEmpty()) {
            return;
        }
        prepared.batches().forEach(queue::enqueue);
        messages.markDispatched(SendBatches.ids(prepared.batches()));
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
