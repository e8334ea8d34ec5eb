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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Turns an approved notice into one message per recipient, written in the same transaction as the
 * notice's move to SENDING (an outbox): either every message exists and the notice is sending, or
 * neither. Idempotent: a release that comes back hands out only what no sender has claimed, and nothing once the
 * notice's batches were all queued.
 */
public class FanOutService {

    private static final Logger log = LoggerFactory.getLogger(FanOutService.class);

    private final NoticeRepository notices;
    private final GuardianDirectory guardians;
    private final StaffAccountRepository staff;
    private final OutboundMessageRepository messages;
    private final MessageComposer composer;
    private final Duration releaseGrace;
    private final AuditTrail audit;
    private final NoticeCompletion completion;
    private final TransactionOperations tx;
    private final int batchSize;

    public FanOutService(NoticeRepository notices, GuardianDirectory guardians, StaffAccountRepository staff,
            OutboundMessageRepository messages,
            MessageComposer composer, Duration releaseGrace, AuditTrail audit,
            NoticeCompletion completion, TransactionOperations tx, int batchSize) {
        this.notices = notices;
        this.guardians = guardians;
        this.staff = staff;
        this.messages = messages;
        this.composer = composer;
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
                // A release that comes back: if the gateway died before its batches were all queued, whatever no
                // sender took is handed out again; if they were, this is a duplicate release and there is nothing
                // to do.
                return notices.batchesQueued(noticeId) ? List.<QueuedMessage>of() : messages.unclaimed(noticeId);
            }
            if (notice.status() != NoticeStatus.APPROVED) {
                return List.<QueuedMessage>of();
            }
            // Inserted already marked dispatched, and the queueing marked once on the notice (batchesQueued):
            // marking each message after queueing rewrote every row, and each of its indexes (dispatched_at is
            // indexed), in a second pass as long as the first. A release that comes back before the notice is marked
            // hands out all that is still unclaimed (above); rows whose release never comes back are queued again by
            // the stale sweep (HeldMessages.requeueStale) once older than its threshold, which rows not yet marked
            // dispatched used to escape.
            List<QueuedMessage> ids = messages.insertDispatched(compose(notice));
            notices.updateStatus(noticeId, NoticeStatus.SENDING);
            notices.recordRecipientCount(noticeId, ids.size());
            audit.append(noticeId, NoticeStatus.SENDING.name(), null, null, notice.contentHash(),
                    ids.size() + " 条消息");
            completion.completeIfDone(noticeId);
            log.info("Notice {} fanned out to {} messages", noticeId, ids.size());
            return ids;
        });
    }

    /** After the notice's batches were all handed to the broker: a release that comes back has nothing to do. */
    public void markQueued(long noticeId) {
        notices.markBatchesQueued(noticeId);
    }

    public void finishCompletedNotices() {
        notices.sending().forEach(id -> tx.executeWithoutResult(status -> completion.completeIfDone(id)));
    }

    /**
     * What sending the notice would take: SMS recipients, the most parts one SMS takes, and parts in all
     * (personalised texts differ in length); fallback SMS, sent only if push fails, are not counted.
     */
    public Estimate estimate(Notice notice) {
        return estimate(compose(notice));
    }

    /** The estimate for a notice not stored yet (a preview), with its audience resolved. */
    public Estimate estimate(Notice notice, List<Long> classIds, List<Long> guardianIds, List<Long> staffIds) {
        return estimate(compose(notice, classIds, guardianIds, staffIds));
    }

    private static Estimate estimate(List<NewMessage> planned) {
        List<NewMessage> sms = planned.stream().filter(m -> Channel.SMS.name().equals(m.channel())).toList();
        int most = sms.stream().mapToInt(NewMessage::segments).max().orElse(0);
        return new Estimate(sms.size(), most, sms.stream().mapToInt(NewMessage::segments).sum());
    }

    public record Estimate(int recipients, int segmentsPerMessage, int smsParts) {
    }

    /** Approved notices that never started sending within the grace period: their release was lost. */
    public List<Long> stalledReleases() {
        // One sweeper at a time across gateway instances (the lock ends with the transaction); each instance's
        // timer runs on its own phase, so the same stalled notice is rarely handed out twice, and fan-out is
        // idempotent when it is.
        List<Long> stalled = tx.execute(status -> notices.tryClusterLock(RELEASE_SWEEP_LOCK)
                ? notices.approvedBefore(Instant.now().minus(releaseGrace)) : List.<Long>of());
        return stalled == null ? List.of() : stalled;
    }

    /** The advisory lock key of the release sweep. */
    private static final long RELEASE_SWEEP_LOCK = 0x4A58_5253L; // "JXRS"

    private List<NewMessage> compose(Notice notice) {
        return compose(notice, notices.classIds(notice.id()), notices.guardianIds(notice.id()),
                notices.staffIds(notice.id()));
    }

    private List<NewMessage> compose(Notice notice, List<Long> classIds, List<Long> guardianIds, List<Long> staffIds) {
        return composer.compose(notice, guardiansReached(classIds, guardianIds), staff.mobilesOf(staffIds));
    }

    /** Each guardian once, with all his children in the audience, whether reached by class or by name. */
    public List<GuardianContact> guardiansReached(List<Long> classIds, List<Long> guardianIds) {
        List<GuardianContact> reached = new ArrayList<>(guardians.guardiansOfClasses(classIds));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        reached.forEach(g -> seen.add(g.guardianId()));
        guardians.guardiansByIds(guardianIds).stream().filter(g -> seen.add(g.guardianId())).forEach(reached::add);
        return reached;
    }
}
