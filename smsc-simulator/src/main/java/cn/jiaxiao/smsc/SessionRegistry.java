package cn.jiaxiao.smsc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jsmpp.session.SMPPServerSession;

/** Every open connection, and which of them are bound as whom. */
final class SessionRegistry {
    private final Set<SMPPServerSession> open = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<SMPPServerSession, BoundSession> bound = new ConcurrentHashMap<>();
    private final AtomicInteger roundRobin = new AtomicInteger();
    private volatile Consumer<BoundSession> onReceiverBound = b -> { };

    void onReceiverBound(Consumer<BoundSession> listener) {
        this.onReceiverBound = listener;
    }

    void opened(SMPPServerSession s) {
        open.add(s);
    }

    /** Registered before bind_resp goes out, so a submit_sm racing the response already finds its system_id. */
    void bound(BoundSession b) {
        bound.put(b.session(), b);
    }

    /** Called once bind_resp has been sent. */
    void bindCompleted(BoundSession b) {
        if (b.bindType().isReceivable()) {
            onReceiverBound.accept(b);
        }
    }

    void closed(SMPPServerSession s) {
        open.remove(s);
        bound.remove(s);
    }

    Optional<BoundSession> get(SMPPServerSession s) {
        return Optional.ofNullable(bound.get(s));
    }

    int boundCount() {
        return (int) bound.values().stream().filter(b -> b.session().getSessionState().isBound()).count();
    }

    List<SMPPServerSession> openSessions() {
        return new ArrayList<>(open);
    }

    /**
     * The session to carry a receipt. By default the submitting session if it can receive, else any
     * receiver of the same system_id; with {@code preferOther} a different receiver is chosen when one exists.
     */
    Optional<BoundSession> receiverFor(String systemId, SMPPServerSession origin, boolean preferOther) {
        List<BoundSession> candidates = receivers(b -> b.systemId().equals(systemId));
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        BoundSession own = candidates.stream().filter(b -> b.session() == origin).findFirst().orElse(null);
        if (preferOther) {
            List<BoundSession> others = candidates.stream().filter(b -> b.session() != origin).toList();
            if (!others.isEmpty()) {
                return Optional.of(pick(others));
            }
            return Optional.ofNullable(own);
        }
        return Optional.of(own != null ? own : pick(candidates));
    }

    /** Any receiver at all, for mobile-originated messages. */
    Optional<BoundSession> anyReceiver() {
        List<BoundSession> all = receivers(b -> true);
        return all.isEmpty() ? Optional.empty() : Optional.of(pick(all));
    }

    boolean hasReceiver(String systemId) {
        return !receivers(b -> b.systemId().equals(systemId)).isEmpty();
    }

    private List<BoundSession> receivers(java.util.function.Predicate<BoundSession> filter) {
        return bound.values().stream().filter(BoundSession::canReceive).filter(filter).toList();
    }

    private BoundSession pick(List<BoundSession> list) {
        return list.get(Math.floorMod(roundRobin.getAndIncrement(), list.size()));
    }
}
