package cn.jiaxiao.smsc;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** What the simulated SMSC has accepted so far; read by tests and the HTTP control port. */
final class MessageStore {
    private final ArrayDeque<ReceivedMessage> received = new ArrayDeque<>();
    private final AtomicLong submitCount = new AtomicLong();
    private final IntSupplier capacity;

    MessageStore(IntSupplier capacity) {
        this.capacity = capacity;
    }

    void countSubmit() {
        submitCount.incrementAndGet();
    }

    long submitCount() {
        return submitCount.get();
    }

    synchronized void add(ReceivedMessage m) {
        received.addLast(m);
        int max = capacity.getAsInt();
        while (received.size() > max) {
            received.removeFirst();
        }
    }

    synchronized List<ReceivedMessage> snapshot() {
        return List.copyOf(received);
    }

    synchronized List<ReceivedMessage> snapshotFor(String destination) {
        return received.stream().filter(m -> m.destination().equals(destination)).toList();
    }

    synchronized int size() {
        return received.size();
    }

    synchronized void clear() {
        received.clear();
        submitCount.set(0);
    }
}
