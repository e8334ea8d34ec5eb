package cn.jiaxiao.routes.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the SMSC made of a batch, gathered by the threads that submitted it and written back in one
 * transaction: the parts it accepted, the messages now complete, failed for good, or deferred to a later try.
 */
public final class BatchOutcome {

    public record AcceptedPart(long messageId, int partNo, String connection, String smscId) {
    }

    private final List<AcceptedPart> accepted = new ArrayList<>();
    private final Map<Long, Integer> submitted = new LinkedHashMap<>();
    private final Map<Long, String> failed = new HashMap<>();
    private final Map<Long, String> deferred = new HashMap<>();
    private final List<Long> resumed = new ArrayList<>();

    public synchronized void accepted(long messageId, int partNo, String connection, String smscId) {
        accepted.add(new AcceptedPart(messageId, partNo, connection, smscId));
    }

    /** Every part of the message is accepted; {@code parts} is how many submit_sm it took on its connection. */
    public synchronized void submitted(long messageId, int parts) {
        submitted.put(messageId, parts);
    }

    /** The message had parts accepted on an earlier attempt, which may have their receipts already. */
    public synchronized void resumed(long messageId) {
        resumed.add(messageId);
    }

    public synchronized void failed(long messageId, String error) {
        failed.put(messageId, error);
    }

    public synchronized void deferred(long messageId, String error) {
        deferred.put(messageId, error);
    }

    public synchronized List<AcceptedPart> acceptedParts() {
        return List.copyOf(accepted);
    }

    public synchronized Map<Long, Integer> submittedMessages() {
        return Map.copyOf(submitted);
    }

    public synchronized List<Long> resumedMessages() {
        return List.copyOf(resumed);
    }

    public synchronized Map<Long, String> failedMessages() {
        return Map.copyOf(failed);
    }

    public synchronized Map<Long, String> deferredMessages() {
        return Map.copyOf(deferred);
    }
}
