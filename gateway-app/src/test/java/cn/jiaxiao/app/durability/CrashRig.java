package cn.jiaxiao.app.durability;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.TestDataDir;
import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.smsc.ReceivedMessage;
import cn.jiaxiao.smsc.SimulatorConfig;
import cn.jiaxiao.smsc.SmscSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the crash tests run the gateway against, every part outside the gateway's process: a PostgreSQL
 * (zonky), an Artemis broker in its own JVM ({@link ExternalBroker}) and an SMSC simulator, all on loopback.
 */
public final class CrashRig implements AutoCloseable {

    public static final String ENCRYPTION_KEY = "durability-test-encryption-key";

    public final Path dir;
    public EmbeddedPostgres postgres;
    public final ExternalBroker broker;
    public final SmscSimulator smsc;
    public NamedParameterJdbcTemplate jdbc;
    public final ContactCipher cipher = ContactCipher.fromSecret(ENCRYPTION_KEY);
    private final List<GatewayProcess> gateways = new ArrayList<>();

    public CrashRig(String name, SimulatorConfig.Builder carrier) {
        dir = TestDataDir.create(name);
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                    .setCleanDataDirectory(false).start();
            smsc = SmscSimulator.start(carrier.host("127.0.0.1").smppPort(0).httpPort(-1)
                    .systemId("school01").password("s3cret").build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = ExternalBroker.start(dir.resolve("broker"));
        jdbc = new NamedParameterJdbcTemplate(dataSource());
    }

    /** Stops PostgreSQL (a fast shutdown: open sessions are cut), waits, and starts it again on its port and data. */
    public void restartPostgres(Duration down) {
        int port = postgres.getPort();
        try {
            postgres.close();
            GatewayProcess.sleep(down.toMillis());
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                    .setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc = new NamedParameterJdbcTemplate(dataSource());
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** A gateway instance's properties: the external PostgreSQL, broker and SMSC. */
    public Map<String, String> gatewayProperties(String instance) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.hikari.maximum-pool-size", "20");
        p.put("spring.artemis.broker-url", broker.url());
        p.put("spring.artemis.user", ExternalBroker.USER);
        p.put("spring.artemis.password", ExternalBroker.PASSWORD);
        p.put("jiaxiao.data-dir", dir.resolve(instance).toString());
        p.put("jiaxiao.encryption-key", ENCRYPTION_KEY);
        p.put("jiaxiao.quiet-hours.enabled", "false");
        // a lease short enough that a message claimed by a killed instance is taken again within the test
        p.put("jiaxiao.smpp.claim-lease", "15s");
        p.put("jiaxiao.smpp.connections[0].host", "127.0.0.1");
        p.put("jiaxiao.smpp.connections[0].port", Integer.toString(smsc.smppPort()));
        p.put("jiaxiao.smpp.connections[0].system-id", "school01");
        p.put("jiaxiao.smpp.connections[0].password", "s3cret");
        p.put("jiaxiao.smpp.connections[0].source-address", "10690071");
        p.put("jiaxiao.smpp.connections[0].binds", "2");
        p.put("jiaxiao.smpp.connections[0].window", "32");
        p.put("logging.level.root", "INFO");
        return p;
    }

    public GatewayProcess gateway(String instance, Map<String, String> extra) {
        Map<String, String> properties = gatewayProperties(instance);
        properties.putAll(extra);
        GatewayProcess gateway = new GatewayProcess(instance, properties, dir.resolve("logs"));
        gateways.add(gateway);
        return gateway;
    }

    /**
     * Adds {@code count} guardians to the class, each with a child of his own and a mobile number 137xxxxxxxx,
     * sealed with {@link ContactCipher} as the roster import would. Direct SQL: this is test set-up, one
     * set-based statement per chunk (a statement per guardian took half a minute for 20,000).
     */
    public void addGuardians(String classCode, int count) {
        awaitDemoSchool();
        long classId = jdbc.queryForObject("select id from unit where code = :code", Map.of("code", classCode),
                Long.class);
        long first = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from guardian", Map.of(), Long.class);
        HexFormat hex = HexFormat.of();
        for (int from = 0; from < count; from += 5_000) {
            int to = Math.min(count, from + 5_000);
            List<String[]> columns = List.of(new String[to - from], new String[to - from], new String[to - from],
                    new String[to - from]);
            for (int i = from; i < to; i++) {
                String mobile = "+86137" + String.format("%08d", first + i);
                columns.get(0)[i - from] = "D" + classCode + "-" + (first + i);
                columns.get(1)[i - from] = Integer.toString(i);
                columns.get(2)[i - from] = hex.formatHex(cipher.encrypt(mobile));
                columns.get(3)[i - from] = hex.formatHex(cipher.lookupHash(mobile));
            }
            jdbc.getJdbcTemplate().execute((ConnectionCallback<Integer>) connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        with input as (select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                                       as u(no, i, enc, hash)),
                             s as (insert into student (class_id, student_no, name)
                                   select ?, no, '学生' || i from input returning id, student_no),
                             g as (insert into guardian (name, mobile_enc, mobile_hash)
                                   select '家长' || i, decode(enc, 'hex'), decode(hash, 'hex') from input
                                   returning id, mobile_hash)
                        insert into guardian_student (guardian_id, student_id, relation)
                        select g.id, s.id, '父亲' from input join s on s.student_no = input.no
                        join g on g.mobile_hash = decode(input.hash, 'hex')""")) {
                    for (int c = 0; c < columns.size(); c++) {
                        insert.setArray(c + 1, connection.createArrayOf("text", columns.get(c)));
                    }
                    insert.setLong(5, classId);
                    return insert.executeUpdate();
                }
            });
        }
    }

    /** The demo school is seeded by an ApplicationRunner, which may finish after the health check answers. */
    public void awaitDemoSchool() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject("select count(*) from staff_account where username = 'grade7'", Map.of(),
                Integer.class) == 0 || jdbc.queryForObject("select count(*) from guardian_student", Map.of(),
                Integer.class) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("demo school not seeded within 60 s");
            }
            GatewayProcess.sleep(200);
        }
        GatewayProcess.sleep(500); // the seed's transaction is one: once rows show, it has committed
    }

    /** National numbers of every guardian of the class. */
    public List<String> guardianMobiles(String classCode) {
        return cn.jiaxiao.app.support.ClassRoster.guardianMobiles(jdbc, cipher, classCode).stream().distinct().toList();
    }

    /** Accepted submits per destination, of the messages whose text contains the marker. */
    public Map<String, Long> receivedPerDestination(String marker) {
        return smsc.received().stream().filter(m -> m.text().contains(marker))
                .collect(Collectors.groupingBy(ReceivedMessage::destination, HashMap::new, Collectors.counting()));
    }

    public long submitsFor(String marker) {
        return smsc.received().stream().filter(m -> m.text().contains(marker)).count();
    }

    /** Parts the gateway has recorded as accepted (committed {@code sms_part} rows) for the notice. */
    public long recordedParts(long noticeId) {
        return jdbc.queryForObject("""
                select count(*) from sms_part p join outbound_message m on m.id = p.message_id
                where m.notice_id = :id""", Map.of("id", noticeId), Long.class);
    }

    public Map<String, Long> messageStates(long noticeId) {
        Map<String, Long> states = new LinkedHashMap<>();
        jdbc.query("select state, count(*) n from outbound_message where notice_id = :id group by state order by 1",
                Map.of("id", noticeId), rs -> {
                    states.put(rs.getString("state"), rs.getLong("n"));
                });
        return states;
    }

    public String noticeStatus(long noticeId) {
        return jdbc.queryForObject("select status from notice where id = :id", Map.of("id", noticeId), String.class);
    }

    /** Submits a notice to the class as its head teacher and has the grade leader approve it. */
    public static long sendToClass(Api api, String classCode, String body) {
        long id = api.post("teacher71", "/api/notices", Api.notice("通知", body, "{\"classes\":[\"" + classCode + "\"]}"))
                .json().get("id").asLong();
        Api.Response approved = api.post("grade7", "/api/notices/" + id + "/approve", null);
        if (approved.status() != 200) {
            throw new IllegalStateException("approval answered " + approved.status() + ": " + approved.raw());
        }
        return id;
    }

    public static String marker() {
        return "编号" + Long.toString(System.nanoTime() % 100_000_000, 36);
    }

    @Override
    public void close() {
        gateways.forEach(GatewayProcess::kill);
        broker.close();
        smsc.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
