package cn.jiaxiao.smsc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers mobile-originated messages to a bound receiver. One sending thread keeps the parts of a
 * message, and messages themselves, in injection order.
 */
final class MoInjector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MoInjector.class);
    private static final int ATTEMPTS_PER_PART = 5;

    private final SessionRegistry sessions;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Threads.named("smsc-mo"));
    private final AtomicInteger reference = new AtomicInteger();

    MoInjector(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    void inject(String source, String destination, String text) {
        if (source == null || source.isEmpty() || destination == null || destination.isEmpty() || text == null) {
            throw new IllegalArgumentException("source, destination and text are required");
        }
        if (sessions.anyReceiver().isEmpty()) {
            throw new IllegalStateException("no receiver (bind_receiver / bind_transceiver) is bound");
        }
        List<MoSplitter.Part> parts = MoSplitter.split(text, reference.incrementAndGet() & 0xFF);
        sender.execute(() -> send(source, destination, parts));
    }

    private void send(String source, String destination, List<MoSplitter.Part> parts) {
        for (MoSplitter.Part part : parts) {
            if (!sendPart(source, destination, part)) {
                log.warn("MO from {} to {} abandoned after {} attempts", PhoneMask.mask(source),
                        PhoneMask.mask(destination), ATTEMPTS_PER_PART);
                return;
            }
        }
        log.debug("MO from {} to {} delivered in {} part(s)", PhoneMask.mask(source), PhoneMask.mask(destination),
                parts.size());
    }

    private boolean sendPart(String source, String destination, MoSplitter.Part part) {
        for (int attempt = 1; attempt <= ATTEMPTS_PER_PART; attempt++) {
            Optional<BoundSession> target = sessions.anyReceiver();
            if (target.isPresent()) {
                try {
                    target.get().session().deliverShortMessage("",
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, destination,
                            new ESMClass(part.esmClass()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                            DataCodings.newInstance((byte) part.dataCoding()), part.shortMessage());
                    return true;
                } catch (Exception e) {
                    log.debug("MO deliver_sm attempt {} failed: {}", attempt, e.toString());
                }
            }
            try {
                Thread.sleep(200L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
