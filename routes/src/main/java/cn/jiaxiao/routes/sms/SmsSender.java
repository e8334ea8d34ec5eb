package cn.jiaxiao.routes.sms;

import cn.jiaxiao.routes.delivery.ClaimedMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.smpp.ConcatenatedPayloads;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.SmsPayload;
import cn.jiaxiao.routes.smpp.SubmitFailure;
import cn.jiaxiao.routes.smpp.SubmitResult;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.time.Duration;
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
    private final SmppClient smpp;
    private final TransactionOperations tx;
    private final Duration retryWindow;

    public SmsSender(OutboundMessageRepository messages, SmppClient smpp, TransactionOperations tx,
            Duration retryWindow) {
        this.messages = messages;
        this.smpp = smpp;
        this.tx = tx;
        this.retryWindow = retryWindow;
    }

    /**
     * @throws SubmitFailure a temporary failure that outlasted the retry window: the message stays queued and
     *         the broker delivers it again later
     */
    public void send(long messageId) throws SubmitFailure {
        ClaimedMessage message = messages.claim(messageId).orElse(null);
        if (message == null) {
            return;
        }
        SmsSegments segments = SmsSegments.of(message.body());
        // One reference per message, kept across retries, never repeated within 255 messages to one number.
        int reference = segments.concatenated() ? messages.concatReference(messageId) : 0;
        List<SmsPayload> payloads = ConcatenatedPayloads.encode(message.body(), segments.encoding(), reference,
                smpp.concatenationFor(message.recipient().national()));
        messages.expectParts(messageId, payloads.size());
        try {
            for (int part = 1; part <= payloads.size(); part++) {
                if (message.acceptedParts().contains(part)) {
                    continue;
                }
                SubmitResult accepted = submitWithRetry(message, payloads.get(part - 1));
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

    /**
     * Waits out temporary failures (throttling, a full queue, a link being re-bound) on this thread, for up to
     * {@code retryWindow}: the message's recipient group stays with this consumer, so none of that
     * recipient's later messages overtakes it. Past the window the broker takes over.
     */
    private SubmitResult submitWithRetry(ClaimedMessage message, SmsPayload payload) throws SubmitFailure {
        long deadline = System.nanoTime() + retryWindow.toNanos();
        long backoff = 100;
        while (true) {
            try {
                return smpp.submit(message.recipient().national(), payload, message.noticeId());
            } catch (SubmitFailure failure) {
                if (!failure.isTemporary() || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw failure;
                }
                smpp.recordRetry(failure.connection());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    /**
     * Records the outcome. The notice itself is closed by the completion sweep, not here: asking "is any
     * message of this notice still queued?" after every message would cost a 100,000-recipient notice
     * quadratic time.
     */
    private void finish(ClaimedMessage message, Runnable outcome) {
        tx.executeWithoutResult(status -> {
            messages.lock(message.id());
            outcome.run();
        });
    }
}
