package cn.jiaxiao.routes.sms;

import cn.jiaxiao.routes.delivery.ClaimedMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.NoticeCompletion;
import cn.jiaxiao.routes.smpp.ConcatenatedPayloads;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.SmsPayload;
import cn.jiaxiao.routes.smpp.SubmitFailure;
import cn.jiaxiao.routes.smpp.SubmitResult;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Submits one queued SMS over SMPP. Idempotent on the message id: a message that is no longer queued,
 * or whose lease another sender holds, is not sent again; on a retry the parts the SMSC already
 * accepted are skipped, so a handset never gets a part twice for one attempt that half-failed.
 */
public class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final OutboundMessageRepository messages;
    private final NoticeCompletion completion;
    private final SmppClient smpp;
    private final TransactionOperations tx;

    public SmsSender(OutboundMessageRepository messages, NoticeCompletion completion, SmppClient smpp,
            TransactionOperations tx) {
        this.messages = messages;
        this.completion = completion;
        this.smpp = smpp;
        this.tx = tx;
    }

    /** @throws SubmitFailure a temporary failure: the message stays queued and must be delivered again later */
    public void send(long messageId) throws SubmitFailure {
        ClaimedMessage message = messages.claim(messageId).orElse(null);
        if (message == null) {
            return;
        }
        SmsSegments segments = SmsSegments.of(message.body());
        // 8-bit concatenation reference from the message id: parts of one message always share it.
        List<SmsPayload> payloads = ConcatenatedPayloads.encode(segments, (int) (messageId & 0xFF));
        try {
            for (int part = 1; part <= payloads.size(); part++) {
                if (message.acceptedParts().contains(part)) {
                    continue;
                }
                SubmitResult accepted = smpp.submit(message.recipient().national(), payloads.get(part - 1));
                messages.recordPart(messageId, part, accepted.connection(), accepted.messageId());
            }
        } catch (SubmitFailure failure) {
            if (failure.isTemporary()) {
                messages.releaseClaim(messageId, failure.getMessage());
                log.debug("SMS {} to {} deferred: {}", messageId, message.recipient(), failure.getMessage());
                throw failure;
            }
            log.warn("SMS {} to {} failed permanently: {}", messageId, message.recipient(), failure.getMessage());
            finish(message, () -> messages.markFailed(messageId, failure.getMessage()));
            return;
        }
        finish(message, () -> {
            messages.markSubmitted(messageId);
            messages.settleFromParts(messageId);
        });
    }

    private void finish(ClaimedMessage message, Runnable outcome) {
        tx.executeWithoutResult(status -> {
            messages.lock(message.id());
            outcome.run();
            completion.completeIfDone(message.noticeId());
        });
    }
}
