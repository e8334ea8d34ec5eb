package cn.jiaxiao.smsc;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC (SMPP 3.4 server) for tests and for running the gateway without a carrier. It shares no code
 * with the gateway on purpose: it decodes what it receives on its own, so it cannot hide a gateway bug.
 */
public final class SmscSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);

    private final AtomicReference<SimulatorConfig> config;
    private final SessionRegistry sessions = new SessionRegistry();
    private final MessageStore store;
    private final Reassembler reassembler = new Reassembler();
    private final ReceiptScheduler receipts;
    private final SubmitHandler submitHandler;
    private final MoInjector mo;
    private final SmppAcceptor acceptor;
    private final ControlServer control;
    private volatile boolean refuseBinds;
    private volatile boolean closed;

    private SmscSimulator(SimulatorConfig initial) throws IOException {
        this.config = new AtomicReference<>(initial);
        this.store = new MessageStore(() -> config.get().maxRetainedMessages());
        this.receipts = new ReceiptScheduler(sessions);
        sessions.onReceiverBound(b -> receipts.receiverBound(b.systemId()));
        this.submitHandler = new SubmitHandler(config::get, sessions, new MessageIdGenerator(), reassembler, store,
                receipts);
        this.mo = new MoInjector(sessions);
        SmppAcceptor smpp = null;
        ControlServer http = null;
        try {
            smpp = new SmppAcceptor(initial, config::get, sessions, submitHandler, () -> refuseBinds);
            http = initial.httpPort() < 0 ? null : new ControlServer(this, initial.host(), initial.httpPort());
        } catch (IOException | RuntimeException e) {
            if (smpp != null) {
                smpp.close();
            }
            receipts.close();
            mo.close();
            throw e;
        }
        this.acceptor = smpp;
        this.control = http;
    }

    /** Binds both ports (0 = ephemeral) and returns once they are listening. */
    public static SmscSimulator start(SimulatorConfig config) throws IOException {
        SmscSimulator sim = new SmscSimulator(Objects.requireNonNull(config, "config"));
        sim.acceptor.start();
        if (sim.control != null) {
            sim.control.start();
        }
        log.info("SMSC simulator listening on {}:{} (SMPP), http {}", config.host(), sim.smppPort(), sim.httpPort());
        return sim;
    }

    public int smppPort() {
        return acceptor.port();
    }

    /** -1 when the HTTP control port is disabled. */
    public int httpPort() {
        return control == null ? -1 : control.port();
    }

    public SimulatorConfig config() {
        return config.get();
    }

    /** All reassembled messages in arrival order (a snapshot). */
    public List<ReceivedMessage> received() {
        return store.snapshot();
    }

    public List<ReceivedMessage> receivedFor(String destination) {
        return store.snapshotFor(destination);
    }

    /** Number of submit_sm PDUs accepted; each part counts. */
    public long submitCount() {
        return store.submitCount();
    }

    public int boundSessions() {
        return sessions.boundCount();
    }

    /** Forgets received messages, partial reassemblies, parked receipts and counters. */
    public void clear() {
        store.clear();
        reassembler.clear();
        receipts.clear();
        submitHandler.reset();
    }

    /**
     * Sends a mobile-originated message to a bound receiver (asynchronously; parts in order).
     *
     * @throws IllegalStateException if no RX/TRX session is bound
     */
    public void injectMo(String source, String destination, String text) {
        mo.inject(source, destination, text);
    }

    /** Changes behaviour at runtime. Ports, host and pduProcessorThreads are only read at start. */
    public void update(Consumer<SimulatorConfig.Builder> change) {
        config.updateAndGet(current -> {
            SimulatorConfig.Builder b = current.toBuilder();
            change.accept(b);
            return b.build();
        });
        log.info("config updated: {}", config.get());
    }

    /** Abruptly closes every TCP connection, as a broken link would. */
    public void dropAllSessions() {
        log.info("dropping all sessions");
        acceptor.dropAll();
    }

    /** While true every bind is answered ESME_RBINDFAIL. */
    public void setRefuseBinds(boolean refuse) {
        this.refuseBinds = refuse;
        log.info("refuse binds: {}", refuse);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (control != null) {
            control.close();
        }
        acceptor.close();
        receipts.close();
        mo.close();
        log.info("SMSC simulator on port {} closed", acceptor.port());
    }
}
