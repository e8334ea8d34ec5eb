package cn.jiaxiao.bench;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.QueuedMessage;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SendBatches;
import cn.jiaxiao.routes.delivery.ReceiptService;
import cn.jiaxiao.routes.smpp.SharedTpsLimiter;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.SmppSettings;
import cn.jiaxiao.routes.smpp.TpsLimiter;
import cn.jiaxiao.routes.sms.InboundSmsStore;
import cn.jiaxiao.routes.sms.SmsRoutes;
import cn.jiaxiao.routes.support.CamelQueues;
import cn.jiaxiao.routes.support.Queues;
import cn.jiaxiao.smsc.SmscSimulator;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnectorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's SMS leg, wired as gateway-app wires it (MessagePathConfiguration, SmscConfiguration,
 * BrokerRedeliveryConfiguration) but without Spring Boot: PostgreSQL migrated by Flyway, a persistent embedded
 * Artemis, a Camel context running the real SmsRoutes/SmsSender, and SmppClient bound to the simulator.
 */
final class GatewayPath implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayPath.class);
    private static final String KEY = "bench-encryption-key-0123456789";
    private static final int INSERT_BATCH = 1_000;
    private static final int PUBLISH_BATCH = 1_000;
    /** gateway-app's jiaxiao.smpp.batch-size and jiaxiao.smpp.batch-consumers (defaults; -D to try others). */
    static final int SEND_BATCH = Integer.getInteger("bench.batch-size", 200);
    static final int BATCH_CONSUMERS = Integer.getInteger("bench.batch-consumers", 8);

    record Result(int messages, int submitted, int notSubmitted, long smscSubmits, long duplicates, double seconds,
            double insertSeconds, long peakHeapBytes, int delivered, double receiptSeconds, boolean complete,
            StepTimes steps, int consumers, double jvmCpuSeconds, double postgresCpuSeconds) {
        double rate() {
            return submitted / seconds;
        }
    }

    private final Path tempDir;
    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;
    private final EmbeddedActiveMQ broker;
    private final ActiveMQConnectionFactory connectionFactory;
    private final CachingConnectionFactory cachingConnectionFactory;
    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher = ContactCipher.fromSecret(KEY);

    GatewayPath() throws Exception {
        long t0 = System.nanoTime();
        tempDir = Files.createTempDirectory("smpp-bench");
        postgres = EmbeddedPostgres.builder().setDataDirectory(tempDir.resolve("postgres"))
                .setCleanDataDirectory(true).start();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true"); // as EmbeddedPostgresConfiguration
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(30); // as EmbeddedPostgresConfiguration
        dataSource.setPoolName("bench-postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        long t1 = System.nanoTime();

        broker = new EmbeddedActiveMQ().setConfiguration(brokerConfiguration(tempDir.resolve("artemis")));
        broker.start();
        // As Spring Boot's embedded Artemis mode: an in-VM connector, behind a CachingConnectionFactory.
        connectionFactory = new ActiveMQConnectionFactory(false,
                new TransportConfiguration(InVMConnectorFactory.class.getName(), Map.of("serverId", "0")));
        cachingConnectionFactory = new CachingConnectionFactory(connectionFactory);
        cachingConnectionFactory.setCacheProducers(true);
        cachingConnectionFactory.setCacheConsumers(false);
        cachingConnectionFactory.setSessionCacheSize(1);
        log.info("PostgreSQL + Flyway {} ms, Artemis {} ms", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    /** Persistent journal; the redelivery and dead-letter settings of gateway-app's BrokerRedeliveryConfiguration. */
    private static ConfigurationImpl brokerConfiguration(Path dir) {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(true);
        configuration.setSecurityEnabled(false);
        configuration.setJMXManagementEnabled(false);
        configuration.setJournalDirectory(dir.resolve("journal").toString());
        configuration.setBindingsDirectory(dir.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(dir.resolve("largemessages").toString());
        configuration.setPagingDirectory(dir.resolve("paging").toString());
        configuration.addAcceptorConfiguration(
                new TransportConfiguration(InVMAcceptorFactory.class.getName(), Map.of("serverId", "0")));
        configuration.addAddressSetting("#", new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(30)
                .setDeadLetterAddress(SimpleString.of("DLA"))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        for (String queue : List.of(Queues.NOTICE_RELEASE, Queues.SMS_OUTBOUND, Queues.SMS_RECEIPTS,
                Queues.SMS_INBOUND)) {
            configuration.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
        }
        return configuration;
    }

    /** One gateway run of {@code messages} over the simulator; tps > 0 limits with SharedTpsLimiter. */
    Result run(SmscSimulator smsc, int messages, int binds, int window, int tps, boolean receipts, Duration timeout)
            throws Exception {
        long noticeId = seedNotice();
        StepTimes steps = new StepTimes();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        TimedParts.Messages repository = new TimedParts.Messages(jdbc, cipher, Duration.ofMinutes(2), steps);

        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("bench");
        camel.addComponent("jms", JmsComponent.jmsComponent(cachingConnectionFactory));
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();
        TpsLimiter limiter = tps > 0
                ? new SharedTpsLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).build())
                : TpsLimiter.UNLIMITED;
        SmppSettings settings = new SmppSettings("simulator", "127.0.0.1", smsc.smppPort(), "jiaxiao", "", "",
                RawCeiling.SOURCE, binds, window, Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofSeconds(10), List.of(), Math.max(tps, 0));
        SmppClient smpp = new SmppClient(List.of(settings), new CamelQueues(producer), limiter);
        HeapSampler heap = new HeapSampler();
        ExecutorService submitters = null;
        try {
            smpp.start();
            awaitBound(smpp, binds);
            submitters = Executors.newFixedThreadPool(smpp.totalWindow());
            TimedParts.Sender sender = new TimedParts.Sender(repository, smpp, new TimedParts.Tx(tx, steps),
                    Duration.ofSeconds(30), submitters, steps);
            camel.addRoutes(new SmsRoutes(sender, new ReceiptService(jdbc, repository, tx),
                    new InboundSmsStore(jdbc, cipher), BATCH_CONSUMERS));

            long insertStart = System.nanoTime();
            List<QueuedMessage> queued = insert(repository, noticeId, messages);
            double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
            log.info("{} messages inserted in {} s", messages, String.format("%.1f", insertSeconds));
            long smscBefore = smsc.submitCount();
            steps.reset();
            heap.start();
            List<Integer> backends = postgresProcesses();
            double jvmCpu = CpuTime.jvmSeconds();
            double pgCpu = CpuTime.processesSeconds(backends);

            long start = System.nanoTime();
            Thread publisher = new Thread(() -> publish(queued), "bench-publisher");
            AtomicLong publishFailure = new AtomicLong();
            publisher.setUncaughtExceptionHandler((t, e) -> {
                publishFailure.incrementAndGet();
                log.error("publishing failed", e);
            });
            publisher.start();

            long deadline = start + timeout.toNanos();
            int done = 0;
            while (System.nanoTime() < deadline && publishFailure.get() == 0) {
                // cheap check first; the database count only once the SMSC has seen them all
                if (smsc.submitCount() - smscBefore >= messages) {
                    done = submittedCount(noticeId);
                    if (done >= messages) {
                        break;
                    }
                }
                Thread.sleep(smsc.submitCount() - smscBefore >= messages ? 5 : 20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean complete = done >= messages;
            if (!complete) {
                done = submittedCount(noticeId);
                log.warn("Timed out after {} s with {} of {} submitted", String.format("%.0f", seconds), done,
                        messages);
            }
            heap.stop();
            jvmCpu = CpuTime.jvmSeconds() - jvmCpu;
            pgCpu = CpuTime.processesSeconds(backends) - pgCpu;

            int delivered = 0;
            double receiptSeconds = 0;
            if (receipts && complete) {
                long receiptDeadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < receiptDeadline
                        && (delivered = count(noticeId, "DELIVERED")) < messages) {
                    Thread.sleep(100);
                }
                receiptSeconds = (System.nanoTime() - start) / 1e9;
            }
            publisher.join(10_000);
            // Let what is in flight finish (a timed-out run), so that the counts below are settled.
            camel.getRouteController().stopRoute("sms-send", 15, java.util.concurrent.TimeUnit.SECONDS);
            long smscSubmits = smsc.submitCount() - smscBefore;
            int parts = jdbc.queryForObject("select count(*) from sms_part p join outbound_message m"
                    + " on m.id = p.message_id where m.notice_id = :n", Map.of("n", noticeId), Integer.class);
            int settled = submittedCount(noticeId);
            int notSubmitted = messages - settled;
            if (parts != settled) {
                log.warn("sms_part rows {} differ from submitted messages {}", parts, settled);
            }
            // every accepted submit_sm is recorded as a part (unique per message and part): more submits
            // than parts is a message sent twice, or sent and not tracked
            long duplicates = smscSubmits - parts;
            return new Result(messages, done, notSubmitted, smscSubmits, duplicates, seconds, insertSeconds,
                    heap.peakBytes(), delivered, receiptSeconds, complete, steps, smpp.totalWindow(), jvmCpu, pgCpu);
        } finally {
            heap.stop();
            camel.stop();
            smpp.close();
            if (submitters != null) {
                submitters.shutdownNow();
            }
        }
    }

    /** The server's processes: backends of the pool's connections, and the background workers. */
    private List<Integer> postgresProcesses() {
        return jdbc.queryForList("select pid from pg_stat_activity", Map.of(), Integer.class);
    }

    /** A notice to hang the messages on, and the school unit and drafter it needs (plain SQL: nothing else is read). */
    private long seedNotice() {
        Long drafter = jdbc.queryForList("select id from staff_account where username = 'bench'", Map.of(),
                Long.class).stream().findFirst().orElse(null);
        if (drafter == null) {
            long unit = jdbc.queryForObject("""
                    insert into unit (code, name, kind, parent_id, path) values ('bench', '示范中学', 'SCHOOL', null, '/')
                    returning id""", Map.of(), Long.class);
            jdbc.update("update unit set path = '/' || id || '/' where id = :id", Map.of("id", unit));
            drafter = jdbc.queryForObject("""
                    insert into staff_account (username, display_name, unit_id, password_hash)
                    values ('bench', '压测', :unit, '{noop}-') returning id""", Map.of("unit", unit), Long.class);
        }
        return jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('压测', :body, 'GENERAL', '{}'::jsonb, 'SMS', 'SENDING', :drafter, repeat('0', 64))
                returning id""", Map.of("body", Workload.BODY, "drafter", drafter), Long.class);
    }

    private static List<QueuedMessage> insert(TimedParts.Messages repository, long noticeId, int messages) {
        List<QueuedMessage> queued = new ArrayList<>(messages);
        List<NewMessage> batch = new ArrayList<>(INSERT_BATCH);
        for (int i = 0; i < messages; i++) {
            MobileNumber to = MobileNumber.parse(Workload.recipient(i)).orElseThrow();
            batch.add(new NewMessage(noticeId, "SMS", null, null, to, Workload.BODY, 1));
            if (batch.size() == INSERT_BATCH || i == messages - 1) {
                queued.addAll(repository.insertAll(batch));
                batch.clear();
            }
        }
        return queued;
    }

    /**
     * As NoticeReleaseRoute: batches of ids as text bodies, JMSXGroupID = the recipients' group, persistent; sent
     * in local transactions of {@value #PUBLISH_BATCH} broker messages.
     */
    private void publish(List<QueuedMessage> queued) {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(Queues.SMS_OUTBOUND));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            int inBatch = 0;
            for (SendBatch batch : SendBatches.of(queued, SEND_BATCH)) {
                TextMessage m = session.createTextMessage(batch.body());
                m.setStringProperty("JMSXGroupID", batch.group());
                producer.send(m);
                if (++inBatch == PUBLISH_BATCH) {
                    session.commit();
                    inBatch = 0;
                }
            }
            session.commit();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private int submittedCount(long noticeId) {
        return jdbc.queryForObject("select count(*) from outbound_message where notice_id = :n"
                + " and state in ('SUBMITTED', 'DELIVERED')", Map.of("n", noticeId), Integer.class);
    }

    private int count(long noticeId, String state) {
        return jdbc.queryForObject("select count(*) from outbound_message where notice_id = :n and state = :s",
                Map.of("n", noticeId, "s", state), Integer.class);
    }

    private static void awaitBound(SmppClient smpp, int binds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (smpp.status().get(0).boundSessions() < binds) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("SmppClient did not bind " + binds + " sessions in 15 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        cachingConnectionFactory.destroy();
        connectionFactory.close();
        try {
            broker.stop();
        } catch (Exception e) {
            log.warn("stopping Artemis: {}", e.toString());
        }
        dataSource.close();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("stopping PostgreSQL: {}", e.toString());
        }
        try (Stream<Path> files = Files.walk(tempDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir
        }
    }
}
