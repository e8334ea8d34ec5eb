package cn.jiaxiao.smsc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Runs the simulator standalone until the process is killed. */
public final class SmscSimulatorMain {
    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar smsc-simulator-all.jar [options]",
            "  --smpp-port N          SMPP port (default 2775, 0 = ephemeral)",
            "  --http-port N          HTTP control port (default 8775, negative = disabled)",
            "  --host ADDR            listen address (default 127.0.0.1)",
            "  --system-id X          only accept this system_id (default: any)",
            "  --password Y           only accept this password (default: any)",
            "  --receipt-delay-ms N   delay before delivery receipts (default 200)",
            "  --throttle-tps N       answer ESME_RTHROTTLED above N submit_sm per second (default 0 = off)",
            "  --help                 print this help");

    private SmscSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(USAGE);
            return;
        }
        SmscSimulator simulator = SmscSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "smsc-shutdown"));
        System.out.println("SMSC simulator listening: smpp=" + config.host() + ":" + simulator.smppPort()
                + " http=" + (simulator.httpPort() < 0 ? "disabled" : config.host() + ":" + simulator.httpPort()));
        stopped.await();
    }

    /** @return null when help was requested. */
    static SimulatorConfig parse(String[] args) {
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            if (opt.equals("--help") || opt.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + opt);
            }
            String value = args[++i];
            switch (opt) {
                case "--smpp-port" -> b.smppPort(integer(opt, value));
                case "--http-port" -> b.httpPort(integer(opt, value));
                case "--host" -> b.host(value);
                case "--system-id" -> b.systemId(value);
                case "--password" -> b.password(value);
                case "--receipt-delay-ms" -> b.receiptDelay(Duration.ofMillis(integer(opt, value)));
                case "--throttle-tps" -> b.throttleTps(integer(opt, value));
                default -> throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        return b.build();
    }

    private static int integer(String opt, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs an integer, got '" + value + "'");
        }
    }
}
