package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.NoticeCompletion;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.QueuedMessage;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SendBatches;
import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeRepository;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.templates.render.MessageRenderer;
import cn.jiaxiao.templates.render.TemplateChannel;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Turns an approved notice into one message per recipient, written in the same transaction as the
 * notice's move to SENDING (an outbox): either every message exists and the notice is sending, or
 * neither. Idempotent, so that a redelivered release only hands out what was never dispatched.
 */
public class FanOutService {

    private static final Logger log = LoggerFactory.getLogger(FanOutService.class);

    private final NoticeRepository notices;
    private final GuardianDirectory guardians;
    private final StaffAccountRepository staff;
    private final OutboundMessageRepository messages;
    private final MessageRenderer renderer;
    private final String signature;
    private final Duration releaseGrace;
    private final AuditTrail audit;
    private final NoticeCompletion completion;
    private final TransactionOperations tx;
    private final int batchSize;

    public FanOutService(NoticeRepository notices, GuardianDirectory guardians, StaffAccountRepository staff,
            OutboundMessageRepository messages,
            MessageRenderer renderer, String signature, Duration releaseGrace, AuditTrail audit,
            NoticeCompletion completion, TransactionOperations tx, int batchSize) {
        this.notices = notices;
        this.guardians = guardians;
        this.staff = staff;
        this.messages = messages;
        this.renderer = renderer;
        this.signature = signature;
        this.releaseGrace = releaseGrace;
        this.audit = audit;
        this.completion = completion;
        this.tx = tx;
        this.batchSize = batchSize;
    }

    /** @return the messages to hand to the senders, in batches */
    public List<SendBatch> fanOut(long noticeId) {
        return SendBatches.of(queuedMessages(noticeId), batchSize);
    }

    private List<QueuedMessage> queuedMessages(long noticeId) {
        return tx.execute(status -> {
            Notice notice = notices.lock(noticeId).orElse(null);
            if (notice == null) {
                return List.<QueuedMessage>of();
            }
            if (notice.status() == NoticeStatus.SENDING) {
                return messages.undispatched(noticeId);
            }
            if (notice.status() != NoticeStatus.APPROVED) {
                return List.<QueuedMessage>of();
            }
            List<QueuedMessage> ids = messages.insertAll(compose(notice));
            notices.updateStatus(noticeId, NoticeStatus.SENDING);
            notices.recordRecipientCount(noticeId, ids.size());
            audit.append(noticeId, NoticeStatus.SENDING.name(), null, null, notice.contentHash(),
                    ids.size() + " 条消息");
            completion.completeIfDone(noticeId);
            log.info("Notice {} fanned out to {} messages", noticeId, ids.size());
            return ids;
        });
    }

    public void markDispatched(List<SendBatch> batches) {
        messages.markDispatched(SendBatches.ids(batches));
    }

    public void finishCompletedNotices() {
        notices.sending().forEach(id -> tx.executeWithoutResult(status -> completion.completeIfDone(id)));
    }

    /** What sending the notice would take: recipients, SMS parts each, and parts in all. */
    public Estimate estimate(Notice notice) {
        List<NewMessage> planned = compose(notice);
        int segments = planned.isEmpty() ? 0 : planned.get(0).segments();
        return new Estimate(planned.size(), segments, planned.size() * segments);
    }

    public record Estimate(int recipients, int segmentsPerMessage, int smsParts) {
    }

    /** Approved notices that never started sending within the grace period: their release was lost. */
    public List<Long> stalledReleases() {
        return notices.approvedBefore(Instant.now().minus(releaseGrace));
    }

    /**
     * One message per phone number: a guardian reached through two classes or a group, or who is also on
     * the staff, gets it once.
     */
    private List<NewMessage> compose(Notice notice) {
        if (!notice.channels().contains(Channel.SMS)) {
            return List.of();
        }
        // The same text for everyone: rendered once, not once per recipient.
        String text = renderer.render(notice.kind(), TemplateChannel.SMS,
                Map.of("signature", signature, "body", notice.body(), "title", notice.title()));
        int segments = SmsSegments.of(text).count();
        Map<String, NewMessage> byNumber = new LinkedHashMap<>();
        List<GuardianContact> reached = new ArrayList<>(guardians.guardiansOfClasses(notices.classIds(notice.id())));
        reached.addAll(guardians.guardiansByIds(notices.guardianIds(notice.id())));
        for (GuardianContact guardian : reached) {
            if (guardian.mobile() != null) {
                byNumber.putIfAbsent(guardian.mobile().e164(), new NewMessage(notice.id(), Channel.SMS.name(),
                        guardian.guardianId(), null, guardian.mobile(), text, segments));
            }
        }
        staff.mobilesOf(notices.staffIds(notice.id())).forEach((staffId, mobile) -> byNumber.putIfAbsent(
                mobile.e164(), new NewMessage(notice.id(), Channel.SMS.name(), null, staffId, mobile, text, segments)));
        return new ArrayList<>(byNumber.values());
    }
}
