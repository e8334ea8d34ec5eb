package cn.jiaxiao.routes.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.provisioning.testing.TestSchool;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTrailTest {

    private static final String CONTENT = "ab".repeat(32);

    private TestSchool school;
    private NamedParameterJdbcTemplate jdbc;
    private TransactionTemplate tx;
    private AuditTrail trail;
    private long teacher;
    private long principal;
    private long notice;

    @BeforeEach
    void setUp() {
        // A fresh database per test: tampering tests leave a broken chain behind them.
        school = new TestSchool();
        jdbc = school.jdbc;
        tx = new TransactionTemplate(new DataSourceTransactionManager(school.database.dataSource()));
        trail = new AuditTrail(jdbc, new TickingClock());
        teacher = staffId("teacher71");
        principal = staffId("principal");
        notice = newNotice(teacher);
    }

    @Test
    void appendsChainEachRowToThePreviousOneAndVerifiesIntact() {
        AuditEvent submitted = append(() -> trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null));
        AuditEvent approved = append(() -> trail.append(notice, "APPROVED", principal, "PRINCIPAL", CONTENT, "同意"));
        AuditEvent sent = append(() -> trail.append(notice, "SENT", null, null, null, ""));
        AuditEvent registered = append(() -> trail.append(null, "REGISTERED", principal, null, null, null));

        assertThat(submitted.prevHash()).isEqualTo("0".repeat(64));
        assertThat(approved.prevHash()).isEqualTo(submitted.hash());
        assertThat(sent.prevHash()).isEqualTo(approved.hash());
        assertThat(registered.prevHash()).isEqualTo(sent.hash());
        assertThat(List.of(submitted, approved, sent, registered))
                .allSatisfy(e -> assertThat(e.hash()).matches("[0-9a-f]{64}"))
                .allSatisfy(e -> assertThat(e.at().getNano() % 1000).isZero());
        assertThat(approved.actorName()).isEqualTo("陈校长");
        assertThat(sent.comment()).isEmpty();
        assertThat(registered.noticeId()).isNull();

        AuditVerification verification = trail.verify();
        assertThat(verification).isEqualTo(new AuditVerification(true, 4, null, null));
        assertThat(verification.message()).isEqualTo("审计链完整，共 4 条记录");
    }

    @Test
    void storesTheTimeItHashedToTheMicrosecond() {
        AuditEvent event = append(() -> trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null));

        Instant stored = jdbc.queryForObject("select at from audit_event where id = :id", Map.of("id", event.id()),
                (rs, n) -> rs.getObject("at", java.time.OffsetDateTime.class).toInstant());
        assertThat(stored).isEqualTo(event.at());
        assertThat(ChainHash.of(event.prevHash(), notice, "SUBMITTED", teacher, "HEAD_TEACHER", stored, CONTENT, null))
                .isEqualTo(event.hash());
    }

    @Test
    void forNoticeListsOnlyThatNoticesEventsInOrderWithActorNames() {
        long other = newNotice(teacher);
        append(() -> trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null));
        append(() -> trail.append(other, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null));
        append(() -> trail.append(notice, "APPROVED", principal, "PRINCIPAL", CONTENT, "可以发"));
        append(() -> trail.append(notice, "SENT", null, null, null, null));

        List<AuditEvent> events = trail.forNotice(notice);

        assertThat(events).extracting(AuditEvent::action).containsExactly("SUBMITTED", "APPROVED", "SENT");
        assertThat(events).extracting(AuditEvent::actorUsername).containsExactly("teacher71", "principal", null);
        assertThat(events).extracting(AuditEvent::actorName).containsExactly("七(1)班刘老师", "陈校长", null);
        assertThat(events.get(1).role()).isEqualTo("PRINCIPAL");
        assertThat(events.get(1).comment()).isEqualTo("可以发");
        assertThat(events.get(1).contentHash()).isEqualTo(CONTENT);
        assertThat(trail.forNotice(other)).hasSize(1);
    }

    @Test
    void theTriggerRefusesUpdateDeleteAndTruncate() {
        AuditEvent event = append(() -> trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null));

        assertThatThrownBy(() -> jdbc.update("update audit_event set comment = 'x' where id = :id",
                Map.of("id", event.id()))).hasMessageContaining("audit_event is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = :id", Map.of("id", event.id())))
                .hasMessageContaining("audit_event is append-only");
        assertThatThrownBy(() -> jdbc.update("truncate audit_event", Map.of()))
                .hasMessageContaining("audit_event is append-only");
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void aRowEditedBehindTheTriggersBackIsReportedByItsId() {
        appendThree();
        long second = ids().get(1);

        tamper("update audit_event set comment = '已撤回' where id = " + second);

        AuditVerification verification = trail.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(second);
        assertThat(verification.rowsChecked()).isEqualTo(2);
        assertThat(verification.problem()).contains("row " + second).contains("edited");
        assertThat(verification.message()).contains("编号 " + second).contains("篡改");
    }

    @Test
    void aDeletedRowIsDetectedAtTheRowAfterIt() {
        appendThree();
        List<Long> ids = ids();

        tamper("delete from audit_event where id = " + ids.get(1));

        AuditVerification verification = trail.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(ids.get(2));
        assertThat(verification.problem()).contains("prev_hash");
    }

    @Test
    void deletingTheFirstRowIsDetected() {
        appendThree();
        List<Long> ids = ids();

        tamper("delete from audit_event where id = " + ids.get(0));

        assertThat(trail.verify().firstBrokenId()).isEqualTo(ids.get(1));
    }

    @Test
    void aRowInsertedOutOfChainIsDetected() {
        appendThree();
        List<Long> ids = ids();
        String firstHash = jdbc.queryForObject("select hash from audit_event where id = :id",
                Map.of("id", ids.get(0)), String.class);

        // Hanging a second row off an existing one would fork the chain: refused outright.
        assertThatThrownBy(() -> jdbc.update("""
                insert into audit_event (action, at, prev_hash, hash)
                values ('APPROVED', now(), :prev, :hash)""", Map.of("prev", firstHash, "hash", "f".repeat(64))))
                .hasMessageContaining("audit_event_prev_hash_uniq");

        // A rolled-back append leaves a gap in the ids; a row slipped into it, even one whose own hash
        // is right, leaves the row after it pointing past it.
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            trail.append(notice, "EDITED", teacher, "HEAD_TEACHER", CONTENT, null);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        AuditEvent after = append(() -> trail.append(notice, "CANCELLED", teacher, "HEAD_TEACHER", null, null));
        long gap = after.id() - 1;
        assertThat(gap).isGreaterThan(ids.get(2));
        String thirdHash = jdbc.queryForObject("select hash from audit_event where id = :id",
                Map.of("id", ids.get(2)), String.class);
        Instant at = after.at().minus(1, ChronoUnit.MICROS);
        // Linked to the same predecessor as the honest row, so the uniqueness guard must be off too.
        jdbc.getJdbcOperations().execute("alter table audit_event drop constraint audit_event_prev_hash_uniq");
        jdbc.update("""
                insert into audit_event (id, notice_id, action, at, prev_hash, hash)
                values (:id, :notice, 'APPROVED', :at, :prev, :hash)""", new MapSqlParameterSource()
                .addValue("id", gap).addValue("notice", notice)
                .addValue("at", java.time.OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).addValue("prev", thirdHash)
                .addValue("hash", ChainHash.of(thirdHash, notice, "APPROVED", null, null, at, null, null)));

        AuditVerification verification = trail.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenId()).isEqualTo(after.id());
    }

    @Test
    void aRewrittenHashBreaksTheLinkToTheNextRow() {
        appendThree();
        List<Long> ids = ids();
        // A DBA who edits a row and recomputes its hash still leaves the next row pointing at the old one.
        AuditEvent second = trail.forNotice(notice).get(1);
        String forged = ChainHash.of(second.prevHash(), second.noticeId(), second.action(), second.actorId(),
                second.role(), second.at(), second.contentHash(), "伪造的意见");

        tamper("update audit_event set comment = '伪造的意见', hash = '" + forged + "' where id = " + ids.get(1));

        assertThat(trail.verify().firstBrokenId()).isEqualTo(ids.get(2));
    }

    @Test
    void concurrentAppendsFromSeveralWritersKeepOneChain() throws Exception {
        int writers = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long actor = w % 2 == 0 ? teacher : principal;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    String comment = "writer " + actor + " #" + i;
                    append(() -> trail.append(notice, "REMINDED", actor, "HEAD_TEACHER", CONTENT, comment));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        AuditVerification verification = trail.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.rowsChecked()).isEqualTo(writers * each);
        assertThat(jdbc.queryForObject("select count(distinct prev_hash) from audit_event", Map.of(), Long.class))
                .isEqualTo(writers * each);
    }

    @Test
    void verifyWalksPastThePageSize() {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 2100; i++) {
                trail.append(notice, "REMINDED", null, null, null, "#" + i);
            }
        });
        assertThat(trail.verify()).isEqualTo(new AuditVerification(true, 2100, null, null));

        long late = ids().get(1500);
        tamper("update audit_event set at = at + interval '1 second' where id = " + late);

        AuditVerification verification = trail.verify();
        assertThat(verification.firstBrokenId()).isEqualTo(late);
        assertThat(verification.rowsChecked()).isEqualTo(1501);
    }

    @Test
    void anEmptyTrailIsIntact() {
        AuditVerification verification = trail.verify();

        assertThat(verification).isEqualTo(new AuditVerification(true, 0, null, null));
        assertThat(verification.message()).isEqualTo("审计链完整，共 0 条记录");
    }

    @Test
    void appendingOutsideATransactionFailsFast() {
        assertThatThrownBy(() -> trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ids()).isEmpty();
    }

    @Test
    void appendingUnderRepeatableReadFailsFast() {
        TransactionTemplate repeatable = new TransactionTemplate(tx.getTransactionManager());
        repeatable.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);

        assertThatThrownBy(() -> repeatable.execute(
                s -> trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read committed");
    }

    @Test
    void aRolledBackTransitionLeavesNoAuditRow() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null);
            throw new IllegalStateException("the state change failed");
        })).hasMessage("the state change failed");

        assertThat(ids()).isEmpty();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void rejectsAContentHashThatWouldNotSurviveTheColumn() {
        assertThatThrownBy(() -> append(() -> trail.append(notice, "SUBMITTED", teacher, null, "abc", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> append(() -> trail.append(notice, "SUBMITTED", teacher, null, CONTENT.toUpperCase(),
                null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEncodingTellsNullFromEmptyAndFieldBoundariesApart() {
        Instant at = Instant.parse("2025-09-01T08:00:00.123456Z");
        String zeros = ChainHash.GENESIS;

        assertThat(ChainHash.of(zeros, 1L, "SENT", null, null, at, null, null))
                .isNotEqualTo(ChainHash.of(zeros, 1L, "SENT", null, null, at, null, ""));
        assertThat(ChainHash.of(zeros, 1L, "SENT", null, "AB", at, null, "C"))
                .isNotEqualTo(ChainHash.of(zeros, 1L, "SENT", null, "A", at, null, "BC"));
        assertThat(ChainHash.of(zeros, 1L, "SENT", null, null, at, null, null))
                .isNotEqualTo(ChainHash.of(zeros, null, "SENT", 1L, null, at, null, null));
        assertThat(ChainHash.of(zeros, 1L, "SENT", null, null, at, null, null))
                .isNotEqualTo(ChainHash.of(zeros, 1L, "SENT", null, null, at.plus(1, ChronoUnit.MICROS), null, null));
    }

    private AuditEvent append(Supplier<AuditEvent> appending) {
        return tx.execute(s -> appending.get());
    }

    private void appendThree() {
        append(() -> trail.append(notice, "SUBMITTED", teacher, "HEAD_TEACHER", CONTENT, null));
        append(() -> trail.append(notice, "APPROVED", principal, "PRINCIPAL", CONTENT, "同意"));
        append(() -> trail.append(notice, "SENT", null, null, null, null));
    }

    private List<Long> ids() {
        return jdbc.queryForList("select id from audit_event order by id", Map.of(), Long.class);
    }

    /** What a DBA could do by hand: switch the guard off, change history, switch it back on. */
    private void tamper(String sql) {
        jdbc.getJdbcOperations().execute("alter table audit_event disable trigger audit_event_no_update");
        jdbc.getJdbcOperations().execute(sql);
        jdbc.getJdbcOperations().execute("alter table audit_event enable trigger audit_event_no_update");
    }

    private long staffId(String username) {
        return jdbc.queryForObject("select id from staff_account where username = :u", Map.of("u", username),
                Long.class);
    }

    private long newNotice(long drafter) {
        return jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('运动会通知', '本周五举行秋季运动会。', 'GENERAL', '{}'::jsonb, 'SMS', 'DRAFT', :drafter, :hash)
                returning id""", Map.of("drafter", drafter, "hash", CONTENT), Long.class);
    }

    /** Advances a little over a millisecond per reading, with nanoseconds PostgreSQL can't keep. */
    private static final class TickingClock extends Clock {

        private final AtomicLong nanos = new AtomicLong(
                ChronoUnit.NANOS.between(Instant.EPOCH, Instant.parse("2025-09-01T08:00:00.123456789Z")));

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusNanos(nanos.addAndGet(1_000_789));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
