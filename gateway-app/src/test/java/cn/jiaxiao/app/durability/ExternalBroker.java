package cn.jiaxiao.app.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An external Artemis broker for the crash tests: {@link BrokerMain} in its own JVM (this test JVM's class
 * path), so that it can be killed and restarted like a real broker, its journal kept across restarts.
 */
public final class ExternalBroker implements AutoCloseable {

    public static final String USER = "gateway";
    public static final String PASSWORD = "broker-s3cret";

    private final Path dir;
    private final int port;
    private Process process;
    private int starts;

    private ExternalBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static ExternalBroker start(Path dir) {
        ExternalBroker broker = new ExternalBroker(dir, freePort());
        broker.startProcess();
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** {@code kill -9}: the journal is what survives. */
    public void kill() {
        process.destroyForcibly();
        waitFor(process);
    }

    public void restart() {
        kill();
        startProcess();
    }

    public void startProcess() {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("broker-" + (++starts) + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx384m"));
            command.addAll(GatewayProcess.LEAN_JVM);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
                    dir.toString(), Integer.toString(port), USER, PASSWORD));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(log).contains("BROKER STARTED")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("broker did not start, see " + log);
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void waitFor(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
