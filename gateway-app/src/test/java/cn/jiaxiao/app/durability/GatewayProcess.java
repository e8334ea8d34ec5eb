package cn.jiaxiao.app.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged gateway ({@code java -jar target/gateway-app.jar}) as a separate OS process, so that
 * {@link #kill()} is a real {@code kill -9}: no shutdown hook, no graceful stop of anything.
 */
public final class GatewayProcess implements AutoCloseable {

    /**
     * Up to five gateways and four brokers start at once on two cores: C1 alone and the serial collector cut a
     * start-up's CPU time to a third (10 s instead of 32 s), and these loads don't need C2's code.
     */
    static final List<String> LEAN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final Map<String, String> properties;
    private final Path logDir;
    private final int port;
    private Process process;
    private int starts;

    public GatewayProcess(String name, Map<String, String> properties, Path logDir) {
        this.name = name;
        this.port = ExternalBroker.freePort();
        this.properties = new LinkedHashMap<>(properties);
        this.properties.put("server.port", Integer.toString(port));
        this.logDir = logDir;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/gateway-app.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package gateway-app first");
        }
        return jar;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return logDir.resolve(name + "-" + starts + ".log");
    }

    /** Starts the process and waits until {@code /actuator/health} answers 200. */
    public GatewayProcess start() {
        try {
            Files.createDirectories(logDir);
            starts++;
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Duser.timezone=Asia/Shanghai",
                    "-Dfile.encoding=UTF-8"));
            command.addAll(LEAN_JVM);
            command.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
            awaitHealthy(Duration.ofSeconds(180));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log());
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + within + ", see " + log());
    }

    /** {@code kill -9} ({@link Process#destroyForcibly()}), and wait until it is gone. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            ExternalBroker.waitFor(process);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        kill();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
