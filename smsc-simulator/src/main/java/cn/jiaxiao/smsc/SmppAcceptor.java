package cn.jiaxiao.smsc;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts TCP connections and answers their bind according to the configured credentials. */
final class SmppAcceptor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmppAcceptor.class);
    private static final String SMSC_SYSTEM_ID = "SMSCSIM";
    private static final long BIND_WAIT_MS = 10_000;
    private static final long REJECT_LINGER_MS = 500;

    private final Supplier<SimulatorConfig> config;
    private final SessionRegistry sessions;
    private final BooleanSupplier refuseBinds;
    private final SMPPServerSessionListener listener;
    private final BoundAddressConnectionFactory factory;
    private final ExecutorService binders = Executors.newCachedThreadPool(Threads.named("smsc-bind"));
    private final Thread acceptThread;
    private volatile boolean running = true;

    SmppAcceptor(SimulatorConfig initial, Supplier<SimulatorConfig> config, SessionRegistry sessions,
            SubmitHandler submitHandler, BooleanSupplier refuseBinds) throws IOException {
        this.config = config;
        this.sessions = sessions;
        this.refuseBinds = refuseBinds;
        this.factory = new BoundAddressConnectionFactory(initial.host());
        this.listener = new SMPPServerSessionListener(initial.smppPort(), factory);
        listener.setPduProcessorDegree(initial.pduProcessorThreads());
        // When a session's PDU queue is full jsmpp itself answers ESME_RTHROTTLED; keep that rare.
        listener.setQueueCapacity(5000);
        listener.setMessageReceiverListener(submitHandler);
        listener.setResponseDeliveryListener(submitHandler);
        listener.setSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED && source instanceof SMPPServerSession s) {
                sessions.closed(s);
                log.info("session {} closed", s.getSessionId());
            }
        });
        this.acceptThread = new Thread(this::acceptLoop, "smsc-accept-" + factory.localPort());
        acceptThread.setDaemon(true);
    }

    int port() {
        return factory.localPort();
    }

    void start() {
        acceptThread.start();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.opened(session);
                binders.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (running) {
                    log.warn("accept failed: {}", e.toString());
                }
            } catch (RuntimeException e) {
                // e.g. the binder pool is shut down during close()
                if (running) {
                    log.warn("accept loop error", e);
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        BindRequest request;
        try {
            request = session.waitForBind(BIND_WAIT_MS);
        } catch (TimeoutException | IllegalStateException e) {
            log.info("no bind on session {}: {}", session.getSessionId(), e.getMessage());
            closeQuietly(session);
            return;
        }
        SimulatorConfig cfg = config.get();
        int refusal = refusal(cfg, request);
        try {
            if (refusal != 0) {
                log.info("refusing {} from system_id {} with status 0x{}", request.getBindType(),
                        request.getSystemId(), Integer.toHexString(refusal));
                request.reject(refusal);
                // Closing at once races jsmpp-style clients, which would see EOF before handling bind_resp.
                lingerThenClose(session);
                return;
            }
            BoundSession bound = new BoundSession(session, request.getSystemId(), request.getBindType());
            sessions.bound(bound);
            request.accept(SMSC_SYSTEM_ID, InterfaceVersion.IF_34);
            session.setEnquireLinkTimer((int) Math.min(Integer.MAX_VALUE, cfg.enquireLinkTimer().toMillis()));
            log.info("session {} bound {} as system_id {}", session.getSessionId(), request.getBindType(),
                    request.getSystemId());
            sessions.bindCompleted(bound);
        } catch (IOException | PDUStringException | RuntimeException e) {
            log.warn("bind handling failed on session {}: {}", session.getSessionId(), e.toString());
            sessions.closed(session);
            closeQuietly(session);
        }
    }

    private int refusal(SimulatorConfig cfg, BindRequest request) {
        if (refuseBinds.getAsBoolean()) {
            return SMPPConstant.STAT_ESME_RBINDFAIL;
        }
        if (cfg.systemId() != null && !cfg.systemId().equals(request.getSystemId())) {
            return SMPPConstant.STAT_ESME_RINVSYSID;
        }
        if (cfg.password() != null && !cfg.password().equals(request.getPassword())) {
            return SMPPConstant.STAT_ESME_RINVPASWD;
        }
        return 0;
    }

    void dropAll() {
        for (SMPPServerSession s : sessions.openSessions()) {
            closeQuietly(s);
            sessions.closed(s);
        }
    }

    private static void lingerThenClose(SMPPServerSession s) {
        try {
            Thread.sleep(REJECT_LINGER_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(s);
    }

    private static void closeQuietly(SMPPServerSession s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            log.debug("closing session {}: {}", s.getSessionId(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing listener: {}", e.toString());
        }
        dropAll();
        binders.shutdownNow();
        try {
            acceptThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
