package cn.jiaxiao.bench;

import java.time.Duration;

/**
 * What to run: {@code messages} single-part UCS-2 messages over {@code binds} transceiver sessions with
 * {@code window} submits in flight on each; {@code tps} > 0 adds a rate-limited gateway run.
 */
public record BenchOptions(int messages, int binds, int window, boolean receipts, int tps, Duration timeout,
        int warmup) {

    public BenchOptions {
        if (messages < 1 || binds < 1 || window < 1) {
            throw new IllegalArgumentException("--messages, --binds and --window must be at least 1");
        }
    }

    public static BenchOptions defaults() {
        return new BenchOptions(100_000, 2, 32, false, 0, Duration.ofMinutes(5), -1);
    }

    /** Messages the bare client sends untimed before its measured run, so that it is not measured cold. */
    public int warmupMessages() {
        return warmup >= 0 ? warmup : Math.min(messages / 10, 10_000);
    }

    public static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        int messages = o.messages, binds = o.binds, window = o.window, tps = o.tps, warmup = o.warmup;
        boolean receipts = o.receipts;
        Duration timeout = o.timeout;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--messages" -> messages = Integer.parseInt(value(args, ++i, arg));
                case "--binds" -> binds = Integer.parseInt(value(args, ++i, arg));
                case "--window" -> window = Integer.parseInt(value(args, ++i, arg));
                case "--tps" -> tps = Integer.parseInt(value(args, ++i, arg));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--timeout-seconds" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
                case "--receipts" -> receipts = true;
                default -> throw new IllegalArgumentException("Unknown argument " + arg + "\n" + usage());
            }
        }
        return new BenchOptions(messages, binds, window, receipts, tps, timeout, warmup);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    public static String usage() {
        return "usage: SmppBenchmark [--messages 100000] [--binds 2] [--window 32] [--receipts] [--tps N]"
                + " [--warmup N] [--timeout-seconds 300]";
    }
}
