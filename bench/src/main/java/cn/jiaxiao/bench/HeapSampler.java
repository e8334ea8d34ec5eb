package cn.jiaxiao.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The largest heap use seen, sampled every 50 ms while a run lasts. */
final class HeapSampler {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile long peak;
    private volatile boolean running;
    private Thread thread;

    void start() {
        peak = memory.getHeapMemoryUsage().getUsed();
        running = true;
        thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
    }

    long peakBytes() {
        return peak;
    }
}
