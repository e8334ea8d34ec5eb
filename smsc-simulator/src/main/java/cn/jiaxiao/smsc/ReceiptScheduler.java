package cn.jiaxiao.smsc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends delivery receipts after the configured delay. A receipt with nowhere to go waits until a receiver
 * of its system_id binds; a failed deliver_sm is retried, so no receipt is lost while a receiver is bound.
 */
final class ReceiptScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReceiptScheduler.class);
    private static final short TAG_RECEIPTED_MESSAGE_ID = 0x001E;
    private static final short TAG_MESSAGE_STATE = 0x0427;
    private static final int MAX_ATTEMPTS = 10;
    /** Per system_id; an ESME that asks for receipts but never binds a receiver must not exhaust memory. */
    private static final int MAX_PARKED = 200_000;

    private final SessionRegistry sessions;
    private final ScheduledExecutorService timer;
    // Sending blocks until deliver_sm_resp; several senders keep a window of receipts in flight.
    private final ExecutorService senders;
    private final Map<String, Queue<Attempt>> parked = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();

    private static final class Attempt {
        final Receipt receipt;
        int failures;

        Attempt(Receipt receipt) {
            this.receipt = receipt;
        }
    }

    ReceiptScheduler(SessionRegistry sessions) {
        this.sessions = sessions;
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.named("smsc-receipt-timer"));
        this.senders = Executors.newFixedThreadPool(4, Threads.named("smsc-receipt-sender"));
    }

    void schedule(Receipt receipt, Duration delay) {
        Attempt a = new Attempt(receipt);
        try {
            if (delay.isZero()) {
                senders.execute(() -> attempt(a));
            } else {
                timer.schedule(() -> dispatch(a), delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            log.debug("simulator closing, receipt {} dropped", receipt.submittedId());
        }
    }

    /** A receiver of this system_id just bound: hand it what was waiting. */
    void receiverBound(String systemId) {
        Queue<Attempt> q = parked.get(systemId);
        if (q == null) {
            return;
        }
        Attempt a;
        while ((a = q.poll()) != null) {
            dispatch(a);
        }
    }

    long sentCount() {
        return sent.get();
    }

    int parkedCount() {
        return parked.values().stream().mapToInt(Queue::size).sum();
    }

    void clear() {
        parked.clear();
    }

    private void dispatch(Attempt a) {
        try {
            senders.execute(() -> attempt(a));
        } catch (RejectedExecutionException e) {
            log.debug("simulator closing, receipt {} dropped", a.receipt.submittedId());
        }
    }

    private void attempt(Attempt a) {
        Receipt r = a.receipt;
        Optional<BoundSession> target = sessions.receiverFor(r.systemId(), r.origin(), r.preferOtherSession());
        if (target.isEmpty()) {
            park(a);
            return;
        }
        try {
            send(target.get(), r);
            sent.incrementAndGet();
        } catch (Exception e) {
            a.failures++;
            if (a.failures >= MAX_ATTEMPTS) {
                // Give up on live retries but keep it: the next bind of this system_id gets it.
                log.warn("receipt {} failed {} times ({}); parked until the next bind", r.submittedId(), a.failures,
                        e.toString());
                park(a);
                return;
            }
            long backoffMs = Math.min(2000, 100L * (1L << Math.min(a.failures, 5)));
            log.debug("receipt {} to {} failed ({}), retry in {} ms", r.submittedId(),
                    PhoneMask.mask(r.originalSource()), e.toString(), backoffMs);
            try {
                timer.schedule(() -> dispatch(a), backoffMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                log.debug("simulator closing, receipt {} dropped", r.submittedId());
            }
        }
    }

    private void park(Attempt a) {
        String systemId = a.receipt.systemId();
        Queue<Attempt> q = parked.computeIfAbsent(systemId, k -> new LinkedBlockingQueue<>(MAX_PARKED));
        while (!q.offer(a)) {
            q.poll();
            log.warn("more than {} receipts waiting for a receiver of {}; oldest dropped", MAX_PARKED, systemId);
        }
        // A receiver may have bound between our lookup and the park; don't leave the receipt stranded.
        if (sessions.hasReceiver(systemId) && a.failures < MAX_ATTEMPTS) {
            receiverBound(systemId);
        }
    }

    private static void send(BoundSession target, Receipt r) throws Exception {
        String text = ReceiptText.build(r.idInText(), r.state(), r.submittedAt(), Instant.now(), r.partText());
        OptionalParameter[] tlvs = r.withTlvs()
                ? new OptionalParameter[] {
                        new OptionalParameter.COctetString(TAG_RECEIPTED_MESSAGE_ID, r.submittedId()),
                        new OptionalParameter.Byte(TAG_MESSAGE_STATE, ReceiptText.messageState(r.state()))}
                : new OptionalParameter[0];
        target.session().deliverShortMessage("",
                ton(r.originalDestTon()), npi(r.originalDestNpi()), r.originalDestination(),
                ton(r.originalSourceTon()), npi(r.originalSourceNpi()), r.originalSource(),
                new ESMClass(0x04), (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                text.getBytes(StandardCharsets.US_ASCII), tlvs);
        log.debug("receipt {} stat:{} for {} sent on {}", r.submittedId(), r.state(),
                PhoneMask.mask(r.originalDestination()), target.session().getSessionId());
    }

    // The ESME may have sent ton/npi values jsmpp has no constant for; those become UNKNOWN.
    private static TypeOfNumber ton(byte v) {
        try {
            return TypeOfNumber.valueOf(v);
        } catch (IllegalArgumentException e) {
            return TypeOfNumber.UNKNOWN;
        }
    }

    private static NumberingPlanIndicator npi(byte v) {
        try {
            return NumberingPlanIndicator.valueOf(v);
        } catch (IllegalArgumentException e) {
            return NumberingPlanIndicator.UNKNOWN;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        senders.shutdownNow();
    }
}
