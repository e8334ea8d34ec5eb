package cn.jiaxiao.routes.smpp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bind to an SMSC (transceiver, transmitter or receiver), kept up for as long as the gateway runs: a lost
 * session is bound again with exponential backoff and jitter. jsmpp submits synchronously, so throughput comes from
 * several threads submitting on the same session; {@code window} bounds how many are in flight at once.
 */
final class SmppBind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppBind.class);
    private static final ESMClass PLAIN = new ESMClass();
    private static final ESMClass WITH_UDH = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
            GSMSpecificFeature.UDHI);
    private static final RegisteredDelivery RECEIPT_REQUESTED = new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE);

    private final SmppSettings settings;
    private final String label;
    private final DeliverSmListener listener;
    private final ScheduledExecutorService scheduler;
    private final Semaphore window;
    private final SmppCounters counters;
    /** While the SMSC says "too fast" (0x58, 0x14), every submit on this bind waits until then. */
    private volatile long pausedUntilNanos;
    private final AtomicLong throttleBackoffMillis = new AtomicLong();
    private volatile SMPPSession session;
    private volatile boolean closed;
    private Duration nextBackoff;

    private final BindType bindType;

    SmppBind(SmppSettings settings, int index, BindType bindType, InboundHandler inbound,
            ScheduledExecutorService scheduler, SmppCounters counters) {
        this.settings = settings;
        this.bindType = bindType;
        this.label = settings.name() + "#" + index + (bindType == BindType.BIND_TRX ? "" : "-"
                + (bindType == BindType.BIND_TX ? "tx" : "rx"));
        this.listener = new DeliverSmListener(settings.name(), inbound);
        this.scheduler = scheduler;
        this.window = new Semaphore(settings.window(), true);
        this.counters = counters;
        this.nextBackoff = settings.reconnectInitial();
    }

    void start() {
        scheduler.execute(this::bind);
    }

    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    int inFlight() {
        return settings.window() - window.availablePermits();
    }

    String label() {
        return label;
    }

    SubmitResult submit(String source, String destination, SmsPayload payload) throws SubmitFailure {
        boolean permitted;
        try {
            long pause = pausedUntilNanos - System.nanoTime();
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause);
            }
            permitted = window.tryAcquire(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SubmitFailure.temporary("Interrupted waiting for a window slot", e);
        }
        if (!permitted) {
            throw SubmitFailure.temporary("No free window slot on " + label, null);
        }
        try {
            SMPPSession current = session;
            if (current == null || !current.getSessionState().isBound()) {
                throw SubmitFailure.temporary("Not bound: " + label, null);
            }
            String id = current.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    source, TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, destination,
                    payload.udhi() ? WITH_UDH : PLAIN, (byte) 0, (byte) 0, null, null, RECEIPT_REQUESTED,
                    (byte) 0, DataCodings.newInstance((byte) payload.dataCoding()), (byte) 0, payload.shortMessage(),
                    payload.tlvs()).getMessageId();
            counters.submitted();
            if (throttleBackoffMillis.get() > 0) { // read first: a CAS per submit would make all window threads contend
                throttleBackoffMillis.updateAndGet(b -> b / 2);
            }
            return new SubmitResult(settings.name(), id);
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            if (status == CommandStatus.ESME_RTHROTTLED || status == CommandStatus.ESME_RMSGQFUL) {
                slowDown();
            } else {
                counters.error(status);
            }
            throw SubmitFailure.ofStatus(status);
        } catch (PDUException e) {
            throw SubmitFailure.permanent("Malformed submit_sm: " + e.getMessage(), e);
        } catch (ResponseTimeoutException | InvalidResponseException | IOException e) {
            throw SubmitFailure.temporary("submit_sm on " + label + " failed: " + e, e);
        } finally {
            window.release();
        }
    }

    /** Pauses this bind, longer each time the SMSC keeps saying "too fast" (100 ms doubling to 5 s). */
    private void slowDown() {
        counters.throttled();
        long backoff = throttleBackoffMillis.updateAndGet(b -> Math.min(Math.max(100, b * 2), 5_000));
        pausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff);
        log.debug("SMPP {} throttled by the SMSC; pausing {} ms", label, backoff);
    }

    private void bind() {
        if (closed) {
            return;
        }
        SMPPSession candidate = new SMPPSession();
        try {
            candidate.setEnquireLinkTimer((int) settings.enquireLinkInterval().toMillis());
            candidate.setTransactionTimer(settings.responseTimeout().toMillis());
            candidate.setMessageReceiverListener(listener);
            candidate.connectAndBind(settings.host(), settings.port(), new BindParameter(bindType,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), settings.responseTimeout().toMillis());
            candidate.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED) {
                    onClosed(candidate);
                }
            });
            session = candidate;
            nextBackoff = settings.reconnectInitial();
            log.info("SMPP {} bound to {}:{}", label, settings.host(), settings.port());
            if (!candidate.getSessionState().isBound()) {
                onClosed(candidate); // closed between bind and listener registration
            }
        } catch (IOException | RuntimeException e) {
            candidate.close();
            Duration delay = jittered(nextBackoff);
            nextBackoff = min(nextBackoff.multipliedBy(2), settings.reconnectMax());
            log.warn("SMPP {} bind to {}:{} failed ({}); retrying in {} ms", label, settings.host(), settings.port(),
                    e.getMessage(), delay.toMillis());
            scheduleBind(delay);
        }
    }

    private void onClosed(SMPPSession closedSession) {
        if (closed || closedSession != session) {
            return;
        }
        session = null;
        Duration delay = jittered(nextBackoff);
        log.warn("SMPP {} session closed; binding again in {} ms", label, delay.toMillis());
        scheduleBind(delay);
    }

    private void scheduleBind(Duration delay) {
        if (!closed && !scheduler.isShutdown()) {
            scheduler.schedule(this::bind, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Up to 25% either way, so that many binds lost together don't all come back in the same instant. */
    private static Duration jittered(Duration base) {
        long millis = base.toMillis();
        long spread = Math.max(1, millis / 4);
        return Duration.ofMillis(Math.max(0, millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        closed = true;
        SMPPSession current = session;
        session = null;
        if (current != null) {
            current.unbindAndClose();
        }
    }
}
