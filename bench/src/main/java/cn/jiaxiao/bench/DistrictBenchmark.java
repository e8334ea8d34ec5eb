package cn.jiaxiao.bench;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.smsc.ReceivedMessage;
import cn.jiaxiao.smsc.SimulatorConfig;
import cn.jiaxiao.smsc.SmscSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * District-scale run of the whole gateway: the packaged jar ({@code gateway-app/target/gateway-app.jar}) as its own
 * process against a PostgreSQL (zonky), an Artemis broker (TCP) and the SMSC simulator started here. A generated
 * district — S campuses of 28 classes each under the demo school, G guardians with one child each, mobile numbers
 * sealed with {@link ContactCipher} — is written with SQL; then the office sends one emergency alert to the whole
 * school, the principal approves it, and the run measures approval → last submit_sm, submit rate, approval → last
 * DELIVERED, the gateway's peak heap, loss and duplicates, and a bare jsmpp client's ceiling on the same simulator.
 *
 * <pre>java -jar bench/target/smpp-bench.jar district [--guardians 100000] [--schools 60] [--binds 2] [--window 32]
 *     [--tps 0] [--timeout-seconds 900] [--jar gateway-app/target/gateway-app.jar] [--xmx 2g]</pre>
 */
public final class DistrictBenchmark {

    private static final String KEY = "district-bench-encryption-key";
    private static final int CLASSES_PER_SCHOOL = 28;

    private DistrictBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("guardians", "100000", "schools", "60", "binds", "2",
                "window", "32", "tps", "0", "timeout-seconds", "900", "jar", "gateway-app/target/gateway-app.jar",
                "xmx", "2g"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int guardians = Integer.parseInt(o.get("guardians"));
        int schools = Integer.parseInt(o.get("schools"));
        int binds = Integer.parseInt(o.get("binds"));
        int window = Integer.parseInt(o.get("window"));
        int tps = Integer.parseInt(o.get("tps"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(o.get("timeout-seconds")));
        Path dir = Files.createTempDirectory("jiaxiao-district-");
        System.out.printf("district bench: %d guardians in %d campuses x %d classes, %d binds x window %d, tps %s,"
                + " data in %s%n", guardians, schools, CLASSES_PER_SCHOOL, binds, window, tps == 0 ? "unlimited" : tps, dir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start();
        int brokerPort = freePort();
        EmbeddedActiveMQ broker = broker(dir.resolve("broker"), brokerPort);
        SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.builder().host("127.0.0.1").smppPort(0).httpPort(-1)
                .receiptDelay(Duration.ofMillis(100)).maxRetainedMessages(guardians + 10_000).build());
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(postgres.getPostgresDatabase());
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + o.get("xmx"), "-Dfile.encoding=UTF-8", "-jar", Path.of(o.get("jar")).toAbsolutePath().toString()));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", Integer.toString(port));
        p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.hikari.maximum-pool-size", "30");
        p.put("spring.artemis.broker-url", "tcp://127.0.0.1:" + brokerPort);
        p.put("jiaxiao.data-dir", dir.resolve("gateway").toString());
        p.put("jiaxiao.encryption-key", KEY);
        p.put("jiaxiao.smpp.connections[0].host", "127.0.0.1");
        p.put("jiaxiao.smpp.connections[0].port", Integer.toString(smsc.smppPort()));
        p.put("jiaxiao.smpp.connections[0].binds", Integer.toString(binds));
        p.put("jiaxiao.smpp.connections[0].window", Integer.toString(window));
        p.put("jiaxiao.smpp.connections[0].max-tps", Integer.toString(tps));
        p.put("logging.level.cn.jiaxiao", "INFO");
        p.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("gateway.log").toFile()).start();
        try {
            long started = System.nanoTime();
            awaitHealthy(port, gateway, Duration.ofMinutes(4));
            awaitSeed(jdbc);
            System.out.printf("gateway started in %.1f s (log %s)%n", (System.nanoTime() - started) / 1e9,
                    dir.resolve("gateway.log"));

            long t = System.nanoTime();
            provision(jdbc, guardians, schools);
            int expected = jdbc.queryForObject("select count(distinct guardian_id) from guardian_student gs"
                    + " join guardian g on g.id = gs.guardian_id where g.mobile_enc is not null", Map.of(), Integer.class);
            System.out.printf("district provisioned in %.1f s: %d guardians with a mobile number in the school%n",
                    (System.nanoTime() - t) / 1e9, expected);
            jdbc.getJdbcTemplate().execute("vacuum analyze");

            GatewayHeap heap = new GatewayHeap(gateway.pid());
            heap.start();
            String marker = "编号" + Long.toString(System.nanoTime() % 100_000_000, 36);
            String created = call(port, "office", "POST", "/api/notices", "{\"title\":\"暴雨停课\",\"body\":"
                    + "\"因暴雨红色预警，明日全区停课，请家长照看好孩子。（" + marker + "）\",\"kind\":\"EMERGENCY\","
                    + "\"audience\":{\"school\":true},\"channels\":[\"SMS\"]}");
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created);
            if (!id.find()) {
                throw new IllegalStateException("notice not created: " + created);
            }
            long noticeId = Long.parseLong(id.group(1));
            long approval = System.nanoTime();
            Instant approvedAt = Instant.now();
            call(port, "principal", "POST", "/api/notices/" + noticeId + "/approve", null);

            long deadline = approval + timeout.toNanos();
            // the school-wide audience also reaches the staff: count what the fan-out created
            while (System.nanoTime() < deadline && !"SENDING,SENT".contains(jdbc.queryForObject(
                    "select status from notice where id = :id", Map.of("id", noticeId), String.class))) {
                Thread.sleep(100);
            }
            // SMS only: the demo school's guardians with a Web Push subscription get the emergency by push as well
            expected = jdbc.queryForObject("select count(*) from outbound_message where notice_id = :id"
                    + " and channel = 'SMS'", Map.of("id", noticeId), Integer.class);
            long lastSubmit = 0;
            while (System.nanoTime() < deadline) {
                long n = smsc.submitCount();
                if (n >= expected) {
                    lastSubmit = System.nanoTime();
                    break;
                }
                Thread.sleep(20);
            }
            System.out.printf("submits at the SMSC: %d of %d%n", smsc.submitCount(), expected);
            long lastDelivered = 0;
            while (lastSubmit > 0 && System.nanoTime() < deadline) {
                Integer delivered = jdbc.queryForObject("select count(*) from outbound_message where notice_id = :id"
                        + " and channel = 'SMS' and state = 'DELIVERED'", Map.of("id", noticeId), Integer.class);
                if (delivered != null && delivered >= expected) {
                    lastDelivered = System.nanoTime();
                    break;
                }
                Thread.sleep(250);
            }
            heap.finish();
            Map<String, Long> perNumber = new HashMap<>();
            Instant lastReceived = null;
            for (ReceivedMessage m : smsc.received()) {
                if (m.text().contains(marker)) {
                    perNumber.merge(m.destination(), 1L, Long::sum);
                    lastReceived = lastReceived == null || m.receivedAt().isAfter(lastReceived) ? m.receivedAt() : lastReceived;
                }
            }
            long duplicates = perNumber.values().stream().mapToLong(n -> n - 1).sum();
            Map<String, Object> phases = jdbc.queryForMap("""
                    select extract(epoch from (select min(at) from audit_event where notice_id = :id and action = 'SENDING')
                                              - (select max(at) from audit_event where notice_id = :id
                                                 and action in ('APPROVED', 'APPROVE'))) as fanout""",
                    Map.of("id", noticeId));
            double toLastSubmit = lastReceived == null ? Double.NaN
                    : Duration.between(approvedAt, lastReceived).toMillis() / 1000.0;
            System.out.println();
            System.out.println("| measure | value |");
            System.out.println("| --- | --- |");
            System.out.printf("| recipients (SMS of the notice: guardians and staff) | %d |%n", expected);
            System.out.printf("| approval → fan-out committed (notice SENDING) | %s s |%n", phases.get("fanout"));
            System.out.printf("| approval → last submit_sm | %s |%n", lastSubmit == 0 ? "not reached in "
                    + timeout.toSeconds() + " s" : String.format("%.1f s", toLastSubmit));
            System.out.printf("| submit_sm/s (approval → last submit) | %.0f |%n", perNumber.size() / toLastSubmit);
            System.out.printf("| approval → last DELIVERED | %s |%n", lastDelivered == 0 ? "not reached"
                    : String.format("%.1f s", (lastDelivered - approval) / 1e9));
            System.out.printf("| gateway peak heap used (jstat, 1 s samples) | %d MB |%n", heap.peakMb());
            System.out.printf("| lost / duplicates | %d / %d |%n", expected - perNumber.size(), duplicates);
            if (tps > 0) {
                System.out.printf("| carrier limit use | %.1f %% of %d/s |%n", 100 * perNumber.size() / toLastSubmit / tps, tps);
            }
            gateway.destroyForcibly().waitFor();
            smsc.clear();
            RawCeiling.Result raw = RawCeiling.run(smsc.smppPort(), Math.min(expected, 100_000), binds, window);
            System.out.printf("| raw jsmpp ceiling, same simulator, same binds x window | %.0f submit_sm/s |%n", raw.rate());
        } finally {
            gateway.destroyForcibly();
            smsc.close();
            broker.stop();
            postgres.close();
        }
        System.exit(0);
    }

    /** Campuses (as grades) of 28 classes under the demo school, and one guardian with one child per student. */
    static void provision(NamedParameterJdbcTemplate jdbc, int guardians, int schools) {
        long school = jdbc.queryForObject("select id from unit where kind = 'SCHOOL' order by id limit 1", Map.of(),
                Long.class);
        List<Long> classes = new ArrayList<>();
        for (int s = 1; s <= schools; s++) {
            long campus = unit(jdbc, "d" + s, "第" + s + "校区", "GRADE", school);
            for (int c = 1; c <= CLASSES_PER_SCHOOL; c++) {
                classes.add(unit(jdbc, "d" + s + "-" + c, "第" + s + "校区" + c + "班", "CLASS", campus));
            }
        }
        ContactCipher cipher = ContactCipher.fromSecret(KEY);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < guardians; i++) {
            String mobile = "+86136" + String.format("%08d", i);
            rows.add(new MapSqlParameterSource().addValue("class", classes.get(i % classes.size()))
                    .addValue("no", "D" + i).addValue("name", "学生" + i).addValue("guardian", "家长" + i)
                    .addValue("enc", cipher.encrypt(mobile)).addValue("hash", cipher.lookupHash(mobile)));
            if (rows.size() == 5_000 || i == guardians - 1) {
                jdbc.batchUpdate("""
                        with s as (insert into student (class_id, student_no, name) values (:class, :no, :name) returning id),
                             g as (insert into guardian (name, mobile_enc, mobile_hash) values (:guardian, :enc, :hash)
                                   returning id)
                        insert into guardian_student (guardian_id, student_id, relation)
                        select g.id, s.id, '母亲' from g, s""", rows.toArray(MapSqlParameterSource[]::new));
                rows.clear();
            }
        }
    }

    private static long unit(NamedParameterJdbcTemplate jdbc, String code, String name, String kind, long parent) {
        long id = jdbc.queryForObject("""
                insert into unit (code, name, kind, parent_id, path) values (:code, :name, :kind, :parent, '')
                returning id""", Map.of("code", code, "name", name, "kind", kind, "parent", parent), Long.class);
        jdbc.update("update unit set path = (select path from unit where id = :parent) || id || '/' where id = :id",
                Map.of("parent", parent, "id", id));
        return id;
    }

    private static EmbeddedActiveMQ broker(Path data, int port) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setLargeMessagesDirectory(data.resolve("large").toString());
        config.addAcceptorConfiguration("netty", "tcp://127.0.0.1:" + port);
        config.addAddressSetting("#", new AddressSettings().setRedeliveryDelay(1_000).setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000).setMaxDeliveryAttempts(30)
                .setDeadLetterAddress(SimpleString.of("DLA")).setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ.")));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        return broker;
    }

    private static void awaitHealthy(int port, Process process, Duration within) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gateway not healthy within " + within);
    }

    private static void awaitSeed(NamedParameterJdbcTemplate jdbc) throws InterruptedException {
        while (jdbc.queryForObject("select count(*) from staff_account where username = 'principal'", Map.of(),
                Integer.class) == 0) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000);
    }

    private static String call(int port, String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":jiaxiao-demo").getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(2));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The gateway process's used heap, sampled with {@code jstat -gc} once a second. */
    static final class GatewayHeap extends Thread {
        private final long pid;
        private final AtomicLong peakKb = new AtomicLong();
        private volatile boolean running = true;

        GatewayHeap(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
            while (running) {
                try {
                    Process p = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid)).start();
                    List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
                    p.waitFor();
                    if (lines.size() == 2) {
                        String[] head = lines.get(0).trim().split("\\s+");
                        String[] row = lines.get(1).trim().split("\\s+");
                        double used = 0;
                        for (int i = 0; i < head.length; i++) {
                            if (List.of("S0U", "S1U", "EU", "OU").contains(head[i])) {
                                used += Double.parseDouble(row[i]);
                            }
                        }
                        peakKb.accumulateAndGet((long) used, Math::max);
                    }
                    Thread.sleep(1_000);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void finish() {
            running = false;
        }

        long peakMb() {
            return peakKb.get() / 1024;
        }
    }
}
