package cn.jiaxiao.routes.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.sms.InboundSmsStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class MoReassemblerTest {

    private static final String LONG_REPLY = "老师您好，孩子今天身体不舒服，想请假一天，明天如果好转会按时到校。"
            + "作业我们会在家完成并让他带回学校，麻烦您了，谢谢！😀祝您工作顺利。";
    private static final String PARENT = "13800000001";

    private static TestSchool school;
    private static NamedParameterJdbcTemplate jdbc;
    private MovableClock clock;
    private InboundSmsStore store;

    @BeforeAll
    static void database() {
        school = new TestSchool();
        jdbc = school.jdbc;
    }

    @BeforeEach
    void setUp() {
        jdbc.update("delete from mo_part", Map.of());
        jdbc.update("delete from inbound_message", Map.of());
        clock = new MovableClock();
        store = store();
    }

    @AfterEach
    void noTextLeftBehindInLogsOrRows() {
        // parts are keyed by the sealed number only
        assertThat(jdbc.queryForObject("select count(*) from mo_part where encode(source_enc, 'escape') like '%13800000001%'",
                Map.of(), Integer.class)).isZero();
    }

    /** A gateway instance's store: each has its own transaction manager, all share the database. */
    private InboundSmsStore store() {
        return new InboundSmsStore(jdbc, school.cipher,
                new TransactionTemplate(new DataSourceTransactionManager(school.database.dataSource())),
                new MoReassembler(jdbc, school.cipher, clock, Duration.ofHours(1)));
    }

    @Test
    void partsInAnyOrderBecomeOneMessageWithTheTextInPartOrder() {
        List<InboundSms> parts = split(LONG_REPLY, 0x42, 20);
        assertThat(parts).hasSizeGreaterThan(3);
        List<InboundSms> shuffled = new ArrayList<>(parts);
        Collections.reverse(shuffled);
        for (int i = 0; i < shuffled.size(); i++) {
            store.record(shuffled.get(i));
            assertThat(store.count()).isEqualTo(i == shuffled.size() - 1 ? 1 : 0);
        }
        assertThat(bodies()).containsExactly(LONG_REPLY);
        assertThat(jdbc.queryForObject("select parts from inbound_message", Map.of(), Integer.class))
                .isEqualTo(parts.size());
    }

    @Test
    void aPartDeliveredAgainBeforeOrAfterCompletionIsNotStoredTwice() {
        List<InboundSms> parts = split(LONG_REPLY, 7, 20);
        store.record(parts.get(0));
        store.record(parts.get(0));
        parts.forEach(store::record);
        parts.forEach(store::record);
        assertThat(bodies()).containsExactly(LONG_REPLY);
    }

    @Test
    void aLaterMessageReusingTheReferenceIsANewMessage() {
        String second = "第二条回复：收到通知，我们会准时参加家长会，请老师放心，谢谢老师的辛苦付出！";
        split(LONG_REPLY, 9, 20).forEach(store::record);
        split(second, 9, 20).stream().limit(1).forEach(store::record);
        split(second, 9, 20).forEach(store::record);
        assertThat(bodies()).containsExactly(LONG_REPLY, second);
    }

    @Test
    void theSameReferenceFromAnotherSenderOrToAnotherNumberIsAnotherMessage() {
        split("家长甲的回复内容比较长，需要分成好几条短信发送才能完整地发出去。", 5, 16).forEach(store::record);
        split("家长乙的回复内容也比较长，同样需要分成好几条短信发送才能完整发出。", 5, 16).stream()
                .map(p -> new InboundSms(p.connection(), "13900000002", p.destination(), null, p.part()))
                .forEach(store::record);
        assertThat(bodies()).hasSize(2);
    }

    @Test
    void partsArrivingAtOnceOnSeveralInstancesAreStoredExactlyOnce() throws Exception {
        List<InboundSms> parts = split(LONG_REPLY, 0x99, 12);
        List<InboundSmsStore> instances = List.of(store(), store(), store(), store());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int round = 0; round < 2; round++) { // every part twice: redeliveries racing the originals
                for (int i = 0; i < parts.size(); i++) {
                    InboundSms part = parts.get(i);
                    InboundSmsStore instance = instances.get((i + round) % instances.size());
                    done.add(pool.submit(() -> {
                        start.await();
                        instance.record(part);
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(bodies()).containsExactly(LONG_REPLY);
    }

    @Test
    void partsMissingPastTheWindowAreStoredAsWhatArrivedMarkedIncomplete() {
        List<InboundSms> parts = split(LONG_REPLY, 3, 20);
        store.record(parts.get(0));
        store.record(parts.get(2));
        assertThat(store.flushIncomplete()).isZero();

        clock.advance(Duration.ofMinutes(61));
        assertThat(store.flushIncomplete()).isEqualTo(1);
        assertThat(store.flushIncomplete()).as("flushed once").isZero();

        Map<String, Object> row = jdbc.queryForMap("select body, parts, incomplete from inbound_message", Map.of());
        assertThat(row.get("body")).isEqualTo(text(parts.get(0)) + text(parts.get(2)));
        assertThat(((Number) row.get("parts")).intValue()).isEqualTo(2);
        assertThat(row.get("incomplete")).isEqualTo(true);
    }

    @Test
    void completedPartsAreForgottenAfterTheWindow() {
        split(LONG_REPLY, 4, 20).forEach(store::record);
        clock.advance(Duration.ofMinutes(61));
        store.flushIncomplete();
        assertThat(jdbc.queryForObject("select count(*) from mo_part", Map.of(), Integer.class)).isZero();
    }

    private List<String> bodies() {
        return jdbc.queryForList("select body from inbound_message order by id", Map.of(), String.class);
    }

    private static String text(InboundSms part) {
        return MoText.decode(part.part().dataCoding(), part.part().payload());
    }

    /** UCS-2 parts of {@code bytesPerPart} bytes, cut without regard to characters, as a handset may. */
    private static List<InboundSms> split(String text, int reference, int bytesPerPart) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16BE);
        int total = (bytes.length + bytesPerPart - 1) / bytesPerPart;
        List<InboundSms> parts = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            byte[] payload = Arrays.copyOfRange(bytes, i * bytesPerPart, Math.min(bytes.length, (i + 1) * bytesPerPart));
            parts.add(InboundSms.part("simulator", PARENT, "1069000",
                    new MoPart(reference, total, i + 1, 8, payload)));
        }
        return parts;
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
