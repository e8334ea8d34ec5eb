package cn.jiaxiao.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** CPU seconds used by this JVM and by given other processes (PostgreSQL backends), from /proc on Linux. */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuTime() {
    }

    static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** utime + stime of each process (and its exited waited-for children); NaN where /proc is not readable. */
    static double processesSeconds(Collection<Integer> pids) {
        double sum = 0;
        for (int pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after "pid (comm) ": state=0 ... utime=11 stime=12 cutime=13 cstime=14
                sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
        return sum;
    }
}
