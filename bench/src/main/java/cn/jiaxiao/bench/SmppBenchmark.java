package cn.jiaxiao.bench;

import cn.jiaxiao.smsc.SimulatorConfig;
import cn.jiaxiao.smsc.SmscSimulator;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * submit_sm per second through the gateway's SMS leg against the raw ceiling of a bare jsmpp client, both on the
 * project's SMSC simulator over loopback, measured in the same JVM run.
 *
 * <pre>java -Xmx2g -jar bench/target/smpp-bench.jar --messages 100000 --binds 2 --window 32 [--receipts] [--tps N]</pre>
 */
public final class SmppBenchmark {

    private SmppBenchmark() {
    }

    /** Everything measured by one run. */
    public record Report(BenchOptions options, RawCeiling.Result raw, GatewayPath.Result gateway,
            GatewayPath.Result limited) {

        public double rawRate() {
            return raw.rate();
        }

        public double gatewayRate() {
            return gateway.rate();
        }

        public double ratio() {
            return gateway.rate() / raw.rate();
        }

        public long duplicates() {
            return gateway.duplicates() + (limited == null ? 0 : limited.duplicates());
        }

        public int lost() {
            return gateway.notSubmitted() + (limited == null ? 0 : limited.notSubmitted());
        }

        public long rawFailures() {
            return raw.failed();
        }

        public boolean complete() {
            return gateway.complete() && (limited == null || limited.complete());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("district")) {
            DistrictBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.usage());
            System.exit(2);
            return;
        }
        Report report = run(options, System.out);
        print(report, System.out);
        System.exit(report.complete() && report.lost() == 0 && report.duplicates() == 0 ? 0 : 1);
    }

    public static Report run(BenchOptions o, PrintStream progress) throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().host("127.0.0.1").smppPort(0).httpPort(-1)
                .receiptsEnabled(o.receipts()).receiptDelay(Duration.ZERO)
                .maxRetainedMessages(1_000) // counts are what matter; don't hold 100k messages in the heap
                .build();
        try (SmscSimulator smsc = SmscSimulator.start(config)) {
            progress.printf("SMSC simulator on 127.0.0.1:%d, receipts %s; %d messages, %d binds x window %d%n",
                    smsc.smppPort(), o.receipts() ? "on" : "off", o.messages(), o.binds(), o.window());
            if (o.warmupMessages() > 0) {
                RawCeiling.run(smsc.smppPort(), o.warmupMessages(), o.binds(), o.window());
                smsc.clear();
            }
            progress.println("raw jsmpp client ...");
            RawCeiling.Result raw = RawCeiling.run(smsc.smppPort(), o.messages(), o.binds(), o.window());
            progress.printf(Locale.ROOT, "raw: %.0f submit_sm/s%n", raw.rate());
            smsc.clear();
            try (GatewayPath gateway = new GatewayPath()) {
                progress.println("gateway path ...");
                GatewayPath.Result g = gateway.run(smsc, o.messages(), o.binds(), o.window(), 0, o.receipts(),
                        o.timeout());
                progress.printf(Locale.ROOT, "gateway: %.0f submit_sm/s%n", g.rate());
                GatewayPath.Result limited = null;
                if (o.tps() > 0) {
                    progress.printf("gateway path limited to %d tps ...%n", o.tps());
                    limited = gateway.run(smsc, o.messages(), o.binds(), o.window(), o.tps(), o.receipts(),
                            o.timeout());
                }
                return new Report(o, raw, g, limited);
            }
        }
    }

    static void print(Report r, PrintStream out) {
        BenchOptions o = r.options();
        GatewayPath.Result g = r.gateway();
        out.println();
        out.printf(Locale.ROOT, "SMPP throughput, %d single-part UCS-2 messages, %d binds x window %d, receipts %s,"
                + " %d cores%n", o.messages(), o.binds(), o.window(), o.receipts() ? "on" : "off",
                Runtime.getRuntime().availableProcessors());
        out.println("+------------------------------------+---------------+");
        row(out, "raw jsmpp ceiling (submit_sm/s)", String.format(Locale.ROOT, "%.0f", r.rawRate()));
        row(out, "gateway (submit_sm/s)", String.format(Locale.ROOT, "%.0f", r.gatewayRate()));
        row(out, "gateway / raw", String.format(Locale.ROOT, "%.1f %%", 100 * r.ratio()));
        row(out, "raw: wall time", String.format(Locale.ROOT, "%.2f s", r.raw().seconds()));
        row(out, "raw: failed submits", String.valueOf(r.raw().failed()));
        row(out, "gateway: wall time", String.format(Locale.ROOT, "%.2f s%s", g.seconds(),
                g.complete() ? "" : " (TIMED OUT)"));
        row(out, "gateway: insert (untimed)", String.format(Locale.ROOT, "%.2f s", g.insertSeconds()));
        row(out, "gateway: peak heap", String.format(Locale.ROOT, "%d MB", g.peakHeapBytes() >> 20));
        row(out, "gateway: submitted / N", g.submitted() + " / " + g.messages());
        row(out, g.complete() ? "gateway: lost (not SUBMITTED)" : "gateway: not SUBMITTED (timeout)",
                String.valueOf(g.notSubmitted()));
        row(out, "gateway: duplicates at SMSC", String.valueOf(g.duplicates()));
        row(out, "raw: JVM CPU per message", String.format(Locale.ROOT, "%.0f us",
                r.raw().jvmCpuSeconds() * 1e6 / r.raw().messages()));
        row(out, "gateway: JVM CPU per message", String.format(Locale.ROOT, "%.0f us",
                g.jvmCpuSeconds() * 1e6 / Math.max(1, g.submitted())));
        row(out, "gateway: PostgreSQL CPU per msg", String.format(Locale.ROOT, "%.0f us",
                g.postgresCpuSeconds() * 1e6 / Math.max(1, g.submitted())));
        if (o.receipts()) {
            row(out, "gateway: DELIVERED (receipts)", g.delivered() + " in "
                    + String.format(Locale.ROOT, "%.2f s", g.receiptSeconds()));
        }
        if (r.limited() != null) {
            GatewayPath.Result l = r.limited();
            row(out, "limited: --tps", String.valueOf(o.tps()));
            row(out, "limited: achieved (submit_sm/s)", String.format(Locale.ROOT, "%.0f", l.rate()));
            row(out, "limited: lost / duplicates", l.notSubmitted() + " / " + l.duplicates());
        }
        out.println("+------------------------------------+---------------+");
        printSteps(g, out);
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("| %-34s | %13s |%n", name, value);
    }

    /**
     * Where a batch's time goes inside its consumer: the send() call holds one transaction from the lock to the
     * commit; what the two database steps don't account for is the batch's SMPP submits (and the commit).
     */
    private static void printSteps(GatewayPath.Result g, PrintStream out) {
        StepTimes s = g.steps();
        long n = Math.max(1, s.count(TimedParts.SEND));
        out.printf(Locale.ROOT, "Consumer time per batch (us, averaged over %d batches of up to %d):%n", n,
                GatewayPath.SEND_BATCH);
        long dbNanos = 0;
        for (String step : s.names()) {
            out.printf(Locale.ROOT, "  %-56s %8.0f%n", step, s.nanos(step) / 1e3 / n);
            if (step.startsWith("1") || step.startsWith("3")) {
                dbNanos += s.nanos(step);
            }
        }
        out.printf(Locale.ROOT, "  %-56s %8.0f%n", "2 SMPP submits and commit (send() minus steps 1 and 3)",
                (s.nanos(TimedParts.SEND) - dbNanos) / 1e3 / n);
    }
}
