package cn.jiaxiao.routes.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * All SMSC connections of the gateway. Picks the connection that serves a number's prefix and, within
 * it, the next bound session round-robin; a connection with no bound session gives way to the next
 * one that serves the prefix.
 */
public final class SmppClient implements AutoCloseable {

    private final List<SmppSettings> connections;
    private final Map<String, List<SmppBind>> binds;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger next = new AtomicInteger();

    public SmppClient(List<SmppSettings> connections, InboundHandler inbound) {
        this.connections = List.copyOf(connections);
        this.scheduler = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "smpp-binder");
            thread.setDaemon(true);
            return thread;
        });
        this.binds = connections.stream().collect(Collectors.toMap(SmppSettings::name, settings -> {
            List<SmppBind> list = new ArrayList<>();
            for (int i = 1; i <= settings.binds(); i++) {
                list.add(new SmppBind(settings, i, inbound, scheduler));
            }
            return List.copyOf(list);
        }));
    }

    public void start() {
        binds.values().forEach(list -> list.forEach(SmppBind::start));
    }

    /** Threads that can submit at once across all connections: what the SMS consumers should number. */
    public int totalWindow() {
        return connections.stream().mapToInt(c -> c.binds() * c.window()).sum();
    }

    public SubmitResult submit(String nationalNumber, SmsPayload payload) throws SubmitFailure {
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
                return bind.submit(nationalNumber, payload);
            } catch (SubmitFailure failure) {
                if (!failure.isTemporary() || failure.commandStatus() != SubmitFailure.NO_STATUS) {
                    throw failure; // the SMSC answered: its answer stands
                }
                last = failure; // the link failed: another connection may take it
            }
        }
        throw last != null ? last : SubmitFailure.temporary("No bound SMSC connection serves this number", null);
    }

    public boolean anyBound() {
        return binds.values().stream().flatMap(List::stream).anyMatch(SmppBind::isBound);
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
        scheduler.shutdownNow();
    }
}
