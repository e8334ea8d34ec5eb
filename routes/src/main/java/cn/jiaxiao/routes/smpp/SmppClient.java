package cn.jiaxiao.routes.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jsmpp.bean.BindType;

/**
 * All SMSC connections of the gateway. Picks the connection that serves a number's prefix and, within
 * it, the next bound session round-robin; a connection with no bound session gives way to the next
 * one that serves the prefix.
 */
public final class SmppClient implements AutoCloseable {

    private final List<SmppSettings> connections;
    /** Per connection, the binds that submit (transceivers or transmitters). */
    private final Map<String, List<SmppBind>> binds;
    /** Per connection, receive-only binds (transmitter + receiver mode). */
    private final Map<String, List<SmppBind>> receivers;
    private final Map<String, SmppCounters> counters;
    private final TpsLimiter limiter;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger next = new AtomicInteger();

    public SmppClient(List<SmppSettings> connections, InboundHandler inbound, TpsLimiter limiter) {
        this.connections = List.copyOf(connections);
        this.limiter = limiter;
        this.counters = connections.stream().collect(Collectors.toMap(SmppSettings::name, c -> new SmppCounters()));
        this.scheduler = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "smpp-binder");
            thread.setDaemon(true);
            return thread;
        });
        this.binds = connections.stream().collect(Collectors.toMap(SmppSettings::name, settings ->
                binds(settings, settings.bindMode() == SmppSettings.BindMode.TRANSCEIVER ? BindType.BIND_TRX
                        : BindType.BIND_TX, inbound)));
        this.receivers = connections.stream().collect(Collectors.toMap(SmppSettings::name, settings ->
                settings.bindMode() == SmppSettings.BindMode.TRANSCEIVER ? List.<SmppBind>of()
                        : binds(settings, BindType.BIND_RX, inbound)));
    }

    private List<SmppBind> binds(SmppSettings settings, BindType type, InboundHandler inbound) {
        List<SmppBind> list = new ArrayList<>();
        for (int i = 1; i <= settings.binds(); i++) {
            list.add(new SmppBind(settings, i, type, inbound, scheduler, counters.get(settings.name())));
        }
        return List.copyOf(list);
    }

    public void start() {
        binds.values().forEach(list -> list.forEach(SmppBind::start));
        receivers.values().forEach(list -> list.forEach(SmppBind::start));
    }

    /** Threads that can submit at once across all connections: what the SMS consumers should number. */
    public int totalWindow() {
        return connections.stream().mapToInt(c -> c.binds() * c.window()).sum();
    }

    /** How the connection that would take this number now concatenates long texts. */
    public Concatenation concatenationFor(String nationalNumber) {
        return connections.stream().filter(c -> c.serves(nationalNumber))
                .filter(c -> pickBound(binds.get(c.name())) != null).findFirst()
                .or(() -> connections.stream().filter(c -> c.serves(nationalNumber)).findFirst())
                .map(SmppSettings::concatenation).orElse(Concatenation.UDH8);
    }

    /** Submits one part for a notice: from the connection's service number with the notice's extension. */
    public SubmitResult submit(String nationalNumber, SmsPayload payload, long noticeId) throws SubmitFailure {
        SubmitFailure last = null;
        for (SmppSettings connection : connections) {
            if (!connection.serves(nationalNumber)) {
                continue;
            }
            SmppBind bind = pickBound(binds.get(connection.name()));
            if (bind == null) {
                continue;
            }
            try {
                limiter.acquire(connection, 1);
                return bind.submit(connection.sourceFor(noticeId), nationalNumber, payload);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SubmitFailure.temporary("Interrupted waiting for the rate limit", e);
            } catch (SubmitFailure failure) {
                failure.on(connection.name());
                if (!failure.isTemporary() || failure.commandStatus() != SubmitFailure.NO_STATUS) {
                    throw failure; // the SMSC answered: its answer stands
                }
                last = failure; // the link failed: another connection may take it
            }
        }
        throw last != null ? last : SubmitFailure.temporary("No bound SMSC connection serves this number", null);
    }

    /** A retry of a message on its connection's count (temporary failures the sender waited out). */
    public void recordRetry(String connection) {
        SmppCounters c = counters.get(connection);
        if (c != null) {
            c.retried();
        }
    }

    public SmppCounters counters(String connection) {
        return counters.get(connection);
    }

    /** Bound sessions of a connection that can submit (transceivers or transmitters; receivers left out). */
    public int boundSubmitting(String connection) {
        List<SmppBind> list = binds.get(connection);
        return list == null ? 0 : (int) list.stream().filter(SmppBind::isBound).count();
    }

    /** Each connection as operators see it: sessions, window use, rate, throttles and errors. */
    public List<ConnectionStatus> status() {
        return connections.stream().map(c -> {
            List<SmppBind> list = binds.get(c.name());
            List<SmppBind> all = new ArrayList<>(list);
            all.addAll(receivers.get(c.name()));
            SmppCounters n = counters.get(c.name());
            return new ConnectionStatus(c.name(), c.bindMode().name(), c.host(), c.port(), c.prefixes(), all.size(),
                    (int) all.stream().filter(SmppBind::isBound).count(), c.window() * list.size(),
                    list.stream().mapToInt(SmppBind::inFlight).sum(), c.maxTps(), n.recentTps(), n.submittedTotal(),
                    n.throttledTotal(), n.retriesTotal(), n.errorsByStatus());
        }).toList();
    }

    public record ConnectionStatus(String name, String bindMode, String host, int port, List<String> prefixes, int binds,
            int boundSessions, int window, int inFlight, int maxTps, double recentTps, long submitted,
            long throttled, long retries, Map<String, Long> errors) {
    }

    private SmppBind pickBound(List<SmppBind> candidates) {
        int start = Math.floorMod(next.getAndIncrement(), candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            SmppBind bind = candidates.get((start + i) % candidates.size());
            if (bind.isBound()) {
                return bind;
            }
        }
        return null;
    }

    @Override
    public void close() {
        binds.values().forEach(list -> list.forEach(SmppBind::close));
        receivers.values().forEach(list -> list.forEach(SmppBind::close));
        scheduler.shutdownNow();
    }
}
