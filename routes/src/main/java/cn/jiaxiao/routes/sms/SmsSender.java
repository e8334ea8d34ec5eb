package cn.jiaxiao.routes.sms;

import cn.jiaxiao.routes.delivery.BatchOutcome;
import cn.jiaxiao.routes.delivery.ClaimedMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SendHold;
import cn.jiaxiao.routes.smpp.ConcatenatedPayloads;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.SmsPayload;
import cn.jiaxiao.routes.smpp.SubmitFailure;
import cn.jiaxiao.routes.smpp.SubmitResult;
import cn.jiaxiao.templates.sms.SmsSegments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Submits a batch of queued SMS over SMPP in one transaction: locks the batch's rows in one statement, submits
 * its messages on the submit threads (as many as the SMPP windows allow in flight), and writes back what the SMSC
 * accepted before the commit. Idempotent on the message id: a message that is no longer queued, or that another
 * sender holds, is not sent again; on a retry the parts the SMSC already accepted are skipped, so a handset never gets
 * a part twice for one attempt that half-failed.
 */
public class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    private final OutboundMessageRepository messages;
    private final SmppClient smpp;
    private final TransactionOperations tx;
    private final Duration retryWindow;
    private final Executor submitters;
    private final SendHold hold;

    public SmsSender(OutboundMessageRepository messages, SmppClient smpp, TransactionOperations tx,
            Duration retryWindow, Executor submitters, SendHold hold) {
        this.messages = messages;
        this.smpp = smpp;
        this.tx = tx;
        this.retryWindow = retryWindow;
        this.submitters = submitters;
        this.hold = hold;
    }

    /** The broker's message: a {@link SendBatch} body. */
    public void sendBatch(String body) throws SubmitFailure {
        send(SendBatch.parseIds(body));
    }

    public void send(long messageId) throws SubmitFailure {
        send(List.of(messageId));
    }

    /**
     * @throws SubmitFailure some messages met a temporary failure that outlasted the retry window: everything
     *         else is recorded, those stay queued, and the broker delivers the batch again later
     */
    public void send(List<Long> ids) throws SubmitFailure {
        hold.holdIfQuiet(ids);
        Batch batch = new Batch();
        try {
            // One transaction from the lock to the outcome: the rows stay locked while their submits run.
            tx.executeWithoutResult(status -> sendLocked(ids, batch));
        } catch (RuntimeException e) {
            if (batch.outcome == null) {
                throw e; // nothing was submitted
            }
            log.warn("Outcome of {} submitted message(s) not written with the batch ({}); writing it again",
                    batch.outcome.submittedMessages().size(), e.getClass().getSimpleName());
            recordAgain(batch.outcome, e);
        }
        if (batch.claimed == 0) {
            throwIfLeasedElsewhere(batch.leasedElsewhere, ids.size());
            return;
        }
        Map<Long, String> deferred = batch.outcome.deferredMessages();
        if (!deferred.isEmpty()) {
            throw SubmitFailure.temporary(deferred.size() + " of " + batch.claimed + " messages deferred: "
                    + deferred.values().iterator().next(), null);
        }
        throwIfLeasedElsewhere(batch.leasedElsewhere, ids.size());
    }

    /** What a batch's transaction leaves for after it: set only once the submits are done. */
    private static final class Batch {
        int claimed;
        int leasedElsewhere;
        BatchOutcome outcome;
    }

    private void sendLocked(List<Long> ids, Batch batch) {
        List<ClaimedMessage> claimed = messages.lockQueued(ids);
        batch.claimed = claimed.size();
        batch.leasedElsewhere = claimed.size() == ids.size() ? 0 : messages.leasedElsewhere(unclaimed(ids, claimed));
        if (claimed.isEmpty()) {
            return;
        }
        // Payloads are prepared here, on the transaction's connection: preparing may write the locked rows.
        List<List<Prepared>> byRecipient = byRecipient(claimed.stream().map(this::prepare).toList());
        BatchOutcome outcome = new BatchOutcome();
        // One deadline for the whole batch, so a throttled SMSC can't hold it (and its locks) for minutes.
        long deadline = System.nanoTime() + retryWindow.toNanos();
        List<CompletableFuture<Void>> running = new ArrayList<>(byRecipient.size());
        for (List<Prepared> toOneRecipient : byRecipient) {
            running.add(CompletableFuture.runAsync(() -> sendInOrder(toOneRecipient, outcome, deadline), submitters));
        }
        awaitAll(running);
        batch.outcome = outcome;
        // The notice itself is closed by the completion sweep: asking "is any message of this notice still
        // queued?" per batch would cost a 100,000-recipient notice quadratic time.
        messages.recordOutcome(outcome);
    }

    /** A locked message with its submit_sm payloads. */
    private record Prepared(ClaimedMessage message, List<SmsPayload> payloads) {
    }

    private Prepared prepare(ClaimedMessage message) {
        SmsSegments segments = SmsSegments.of(message.body());
        int reference = 0;
        if (segments.concatenated()) {
            // One reference per message, kept across retries, never repeated within 255 messages to one number.
            reference = messages.concatReference(message.id());
        }
        List<SmsPayload> payloads = ConcatenatedPayloads.encode(message.body(), segments.encoding(), reference,
                smpp.concatenationFor(message.recipient().national()));
        if (payloads.size() != segments.count()) {
            messages.expectParts(message.id(), payloads.size()); // message_payload: one submit_sm for all
        }
        return new Prepared(message, payloads);
    }

    /**
     * Writes the batch's outcome after its own transaction failed (a deadlock, a database restarting), retrying
     * for up to {@link #OUTCOME_RETRY}: the SMSC has accepted these submits, and an outcome not written means they
     * are sent again. Safe to repeat: every statement leaves alone what is recorded already.
     */
    private void recordAgain(BatchOutcome outcome, RuntimeException first) {
        if (!isTransient(first)) {
            throw first;
        }
        long deadline = System.nanoTime() + OUTCOME_RETRY.toNanos();
        long backoff = 50;
        while (true) {
            try {
                tx.executeWithoutResult(status -> messages.recordOutcome(outcome, true));
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw e;
                }
                log.warn("Outcome of {} submitted message(s) not written ({}); trying again in {} ms",
                        outcome.submittedMessages().size(), e.getClass().getSimpleName(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    private static boolean isTransient(RuntimeException e) {
        return e instanceof org.springframework.dao.TransientDataAccessException
                || e instanceof org.springframework.dao.RecoverableDataAccessException
                || e instanceof org.springframework.dao.DataAccessResourceFailureException
                || e instanceof org.springframework.transaction.CannotCreateTransactionException
                || e instanceof org.springframework.transaction.TransactionSystemException;
    }

    private static final Duration OUTCOME_RETRY = Duration.ofSeconds(60);

    private static List<Long> unclaimed(List<Long> ids, List<ClaimedMessage> claimed) {
        java.util.Set<Long> taken = new java.util.HashSet<>();
        claimed.forEach(m -> taken.add(m.id()));
        return ids.stream().filter(id -> !taken.contains(id)).toList();
    }

    /**
     * A redelivered batch whose messages are still leased by another sender (an instance killed mid-batch, or one
     * whose broker connection broke): the broker must bring it back after its redelivery delay, by when the lease
     * has expired or the other sender has recorded them. Acknowledging it would lose them.
     */
    private static void throwIfLeasedElsewhere(int leasedElsewhere, int batchSize) throws SubmitFailure {
        if (leasedElsewhere > 0) {
            throw SubmitFailure.temporary(leasedElsewhere + " of " + batchSize
                    + " messages are leased by another sender: the batch comes back later", null);
        }
    }

    /** A recipient's messages in id order on one thread: none overtakes an earlier one, even when retried. */
    private static List<List<Prepared>> byRecipient(List<Prepared> claimed) {
        Map<String, List<Prepared>> grouped = new LinkedHashMap<>();
        for (Prepared prepared : claimed) {
            grouped.computeIfAbsent(prepared.message().recipient().e164(), k -> new ArrayList<>(1)).add(prepared);
        }
        return new ArrayList<>(grouped.values());
    }

    private void sendInOrder(List<Prepared> toOneRecipient, BatchOutcome outcome, long deadline) {
        String deferredBecause = null;
        for (Prepared prepared : toOneRecipient) {
            ClaimedMessage message = prepared.message();
            if (deferredBecause != null) {
                outcome.deferred(message.id(), deferredBecause);
                continue;
            }
            try {
                sendOne(prepared, outcome, deadline);
            } catch (SubmitFailure failure) {
                if (failure.isTemporary()) {
                    log.debug("SMS {} to {} deferred: {}", message.id(), message.recipient(), failure.getMessage());
                    outcome.deferred(message.id(), failure.getMessage());
                    deferredBecause = "an earlier message to this recipient was deferred";
                } else {
                    log.warn("SMS {} to {} failed permanently: {}", message.id(), message.recipient(),
                            failure.getMessage());
                    outcome.failed(message.id(), failure.getMessage());
                }
            } catch (RuntimeException e) {
                log.warn("SMS {} to {} deferred after an error: {}", message.id(), message.recipient(), e.toString());
                outcome.deferred(message.id(), e.getClass().getSimpleName());
                deferredBecause = "an earlier message to this recipient was deferred";
            }
        }
    }

    private void sendOne(Prepared prepared, BatchOutcome outcome, long deadline) throws SubmitFailure {
        ClaimedMessage message = prepared.message();
        List<SmsPayload> payloads = prepared.payloads();
        if (!message.acceptedParts().isEmpty()) {
            outcome.resumed(message.id());
        }
        for (int part = 1; part <= payloads.size(); part++) {
            if (message.acceptedParts().contains(part)) {
                continue;
            }
            SubmitResult accepted = submitWithRetry(message, payloads.get(part - 1), deadline);
            outcome.accepted(message.id(), part, accepted.connection(), accepted.messageId());
        }
        outcome.submitted(message.id(), payloads.size());
    }

    /**
     * Waits out temporary failures (throttling, a full queue, a link being re-bound) on this thread, for up to
     * the batch's {@code retryWindow}: the recipient's group stays with this consumer, so none of that recipient's
     * later messages overtakes it. Past the window the broker takes over.
     */
    private SubmitResult submitWithRetry(ClaimedMessage message, SmsPayload payload, long deadline)
            throws SubmitFailure {
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
     * Waits for every submit of the batch, even when interrupted (a shutting-down consumer): what the SMSC
     * accepted must be recorded before the broker transaction ends, or it would be sent again.
     */
    private static void awaitAll(List<CompletableFuture<Void>> running) {
        boolean interrupted = false;
        for (CompletableFuture<Void> future : running) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // sendInOrder records every outcome itself; nothing escapes it but an Error
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
