package cn.jiaxiao.smsc;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the parts of concatenated messages until all have arrived. Parts may arrive in any order
 * (a windowed client and several PDU threads per session guarantee nothing about order).
 */
final class Reassembler {

    /** What the simulator knows about one accepted submit_sm. */
    record Part(String systemId, String source, String destination, Segment segment, int dataCoding,
            int registeredDelivery, int esmClass, String messageId) {
    }

    /** Parts whose siblings never come are forgotten after this long, so they cannot pile up forever. */
    private static final long ABANDON_AFTER_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(30);
    private static final int SWEEP_EVERY = 4096;

    private static final class Pending {
        final Part[] parts;
        final long createdNanos = System.nanoTime();
        int arrived;

        Pending(int total) {
            parts = new Part[total];
        }
    }

    private final Map<String, Pending> pending = new HashMap<>();
    private int addsSinceSweep;

    /** @return the complete message when this part finishes one. */
    synchronized Optional<ReceivedMessage> add(Part part) {
        Segment seg = part.segment();
        if (seg.standalone()) {
            return Optional.of(assemble(new Part[] {part}));
        }
        if (++addsSinceSweep >= SWEEP_EVERY) {
            addsSinceSweep = 0;
            long now = System.nanoTime();
            pending.values().removeIf(p -> now - p.createdNanos > ABANDON_AFTER_NANOS);
        }
        String key = part.systemId() + '|' + part.source() + '|' + part.destination() + '|' + seg.reference()
                + '|' + seg.total();
        Pending p = pending.computeIfAbsent(key, k -> new Pending(seg.total()));
        int idx = seg.sequence() - 1;
        if (p.parts[idx] == null) {
            p.arrived++;
        }
        // A resent part replaces the earlier copy: the ESME retried, the latest id is the one it knows.
        p.parts[idx] = part;
        if (p.arrived < p.parts.length) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(assemble(p.parts));
    }

    synchronized void clear() {
        pending.clear();
    }

    synchronized int incomplete() {
        return pending.size();
    }

    private static ReceivedMessage assemble(Part[] parts) {
        Part first = parts[0];
        boolean sameCoding = Arrays.stream(parts).allMatch(p -> p.dataCoding() == first.dataCoding());
        String text;
        if (sameCoding) {
            // Concatenate before decoding: a UCS-2 surrogate pair may straddle two parts.
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Part p : parts) {
                all.writeBytes(p.segment().payload());
            }
            text = ShortMessageDecoder.decode(all.toByteArray(), first.dataCoding());
        } else {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                sb.append(ShortMessageDecoder.decode(p.segment().payload(), p.dataCoding()));
            }
            text = sb.toString();
        }
        List<String> ids = Arrays.stream(parts).map(Part::messageId).toList();
        return new ReceivedMessage(first.systemId(), first.source(), first.destination(), text, first.dataCoding(),
                parts.length, ids, first.registeredDelivery(), first.esmClass(), Instant.now());
    }
}
