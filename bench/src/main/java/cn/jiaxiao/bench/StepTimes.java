package cn.jiaxiao.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** Time spent in each step of the sender, summed over all consumer threads. */
final class StepTimes {

    private final Map<String, LongAdder[]> steps = new ConcurrentSkipListMap<>();

    <T> T time(String step, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(step, System.nanoTime() - start);
        }
    }

    void time(String step, Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            add(step, System.nanoTime() - start);
        }
    }

    void add(String step, long nanos) {
        LongAdder[] a = steps.computeIfAbsent(step, s -> new LongAdder[] {new LongAdder(), new LongAdder()});
        a[0].add(nanos);
        a[1].increment();
    }

    long nanos(String step) {
        LongAdder[] a = steps.get(step);
        return a == null ? 0 : a[0].sum();
    }

    long count(String step) {
        LongAdder[] a = steps.get(step);
        return a == null ? 0 : a[1].sum();
    }

    Iterable<String> names() {
        return steps.keySet();
    }

    void reset() {
        steps.clear();
    }
}
