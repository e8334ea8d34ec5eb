package cn.jiaxiao.routes.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.provisioning.account.AccountPolicy;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The SMS quotas on a real PostgreSQL: limits, periods in Shanghai time, units, refunds, two instances. */
class QuotaLedgerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuotaDefaults UNLIMITED = new QuotaDefaults(null, null, null, null, 5);

    private final TestSchool school = new TestSchool();
    private final NoticeRepository notices = new NoticeRepository(school.jdbc);
    private final TestClock clock = new TestClock(LocalDateTime.of(2025, 3, 31, 23, 50));
    private final QuotaSettings settings = new QuotaSettings(school.jdbc, UNLIMITED);
    private final QuotaLedger ledger = ledger();
    private final TransactionTemplate tx = new TransactionTemplate(
            new DataSourceTransactionManager(school.database.dataSource()));

    @Test
    void aDailyQuotaRefusesWhatWouldExceedItShowingLimitUseAndNeed() {
        StaffAccount teacher = account("teacher71");
        set(QuotaScope.ACCOUNT, teacher.id(), 100, null);
        ledger.consume(notice(teacher), 60);

        Notice second = notice(teacher);
        assertThatThrownBy(() -> ledger.consume(second, 50))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.title()).isEqualTo("短信额度不足");
                    assertThat(e.getMessage()).contains("七(1)班刘老师", "今日额度 100 条", "已用 60 条", "需要 50 条");
                    assertThat(e.properties().get("quota")).isEqualTo(List.of(new QuotaShortfall(
                            QuotaScope.ACCOUNT, teacher.id(), "七(1)班刘老师", QuotaPeriod.DAY, 100, 60, 40, 50)));
                });
        assertThat(charged(second)).as("a refused notice took nothing").isFalse();
        assertThat(ledger.shortfalls(teacher, 40)).isEmpty();
        ledger.consume(second, 40);
        assertThat(ledger.shortfalls(teacher, 1)).hasSize(1);
    }

    @Test
    void theDailyQuotaComesBackAtMidnightInShanghai() {
        StaffAccount teacher = account("teacher71");
        set(QuotaScope.ACCOUNT, teacher.id(), 100, null);
        ledger.consume(notice(teacher), 100);
        clock.set(LocalDateTime.of(2025, 3, 31, 23, 59, 59));
        assertThatThrownBy(() -> ledger.consume(notice(teacher), 1)).isInstanceOf(QuotaExceededException.class);

        clock.set(LocalDateTime.of(2025, 4, 1, 0, 0, 1));
        assertThat(use(teacher, QuotaPeriod.DAY)).isEqualTo(new QuotaUse(QuotaScope.ACCOUNT, teacher.id(),
                "七(1)班刘老师", QuotaPeriod.DAY, 100, 0, 100L));
        ledger.consume(notice(teacher), 100);

        // UTC midnight is 08:00 in Shanghai: nothing comes back then
        clock.set(LocalDateTime.of(2025, 4, 1, 8, 0, 1));
        assertThatThrownBy(() -> ledger.consume(notice(teacher), 1)).isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void theMonthlyQuotaComesBackOnTheFirstOfTheMonth() {
        StaffAccount teacher = account("teacher71");
        clock.set(LocalDateTime.of(2025, 3, 1, 0, 0, 0));
        set(QuotaScope.ACCOUNT, teacher.id(), null, 150);
        ledger.consume(notice(teacher), 100);
        clock.set(LocalDateTime.of(2025, 3, 31, 23, 59, 0));
        assertThat(use(teacher, QuotaPeriod.MONTH).used()).isEqualTo(100);
        assertThatThrownBy(() -> ledger.consume(notice(teacher), 51))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.getMessage())
                        .contains("本月额度 150 条", "剩余 50 条"));

        clock.set(LocalDateTime.of(2025, 4, 1, 0, 0, 0));
        assertThat(use(teacher, QuotaPeriod.MONTH).remaining()).isEqualTo(150);
        ledger.consume(notice(teacher), 150);
    }

    @Test
    void aUnitQuotaIsSharedByEveryDrafterBelowIt() {
        StaffAccount teacher71 = account("teacher71");
        StaffAccount teacher72 = account("teacher72");
        long grade7 = school.units.findByCode("g7").orElseThrow().id();
        set(QuotaScope.UNIT, grade7, 100, null);
        ledger.consume(notice(teacher71), 70);

        assertThatThrownBy(() -> ledger.consume(notice(teacher72), 40))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> assertThat(e.properties().get("quota"))
                        .isEqualTo(List.of(new QuotaShortfall(QuotaScope.UNIT, grade7, "七年级", QuotaPeriod.DAY,
                                100, 70, 30, 40))));
        ledger.consume(notice(account("office")), 500);
    }

    @Test
    void aShortQuotaAnywhereTakesNothingFromTheOthers() {
        StaffAccount teacher = account("teacher71");
        long grade7 = school.units.findByCode("g7").orElseThrow().id();
        set(QuotaScope.ACCOUNT, teacher.id(), 1000, 1000);
        set(QuotaScope.UNIT, grade7, 10, null);
        assertThatThrownBy(() -> ledger.consume(notice(teacher), 50)).isInstanceOf(QuotaExceededException.class);
        assertThat(use(teacher, QuotaPeriod.DAY).remaining()).isEqualTo(1000);
        assertThat(use(teacher, QuotaPeriod.MONTH).remaining()).isEqualTo(1000);
    }

    @Test
    void aNoticeIsChargedOnceAndARefundGivesItsPartsBackOnce() {
        StaffAccount teacher = account("teacher71");
        set(QuotaScope.ACCOUNT, teacher.id(), 100, null);
        Notice notice = notice(teacher);
        ledger.consume(notice, 80);
        ledger.consume(notice, 80);
        assertThat(use(teacher, QuotaPeriod.DAY).remaining()).isEqualTo(20);

        ledger.refund(notice.id());
        ledger.refund(notice.id());
        assertThat(use(teacher, QuotaPeriod.DAY)).extracting(QuotaUse::used, QuotaUse::remaining)
                .containsExactly(0L, 100L);
    }

    @Test
    void whatARolledBackReleaseTookGoesBack() {
        StaffAccount teacher = account("teacher71");
        set(QuotaScope.ACCOUNT, teacher.id(), 100, null);
        Notice notice = notice(teacher);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            ledger.consume(notice, 80);
            throw new IllegalStateException("the release failed after the quota was taken");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(charged(notice)).isFalse();
        assertThat(use(teacher, QuotaPeriod.DAY).remaining()).isEqualTo(100);
    }

    @Test
    void changingALimitKeepsWhatThePeriodUsed() {
        StaffAccount teacher = account("teacher71");
        set(QuotaScope.ACCOUNT, teacher.id(), 100, null);
        ledger.consume(notice(teacher), 60);
        set(QuotaScope.ACCOUNT, teacher.id(), 80, null);
        assertThat(use(teacher, QuotaPeriod.DAY)).extracting(QuotaUse::used, QuotaUse::remaining)
                .containsExactly(60L, 20L);
        set(QuotaScope.ACCOUNT, teacher.id(), 50, null);
        assertThat(use(teacher, QuotaPeriod.DAY).remaining()).isZero();
        set(QuotaScope.ACCOUNT, teacher.id(), 0, null);
        assertThatThrownBy(() -> ledger.consume(notice(teacher), 1)).isInstanceOf(QuotaExceededException.class);
        set(QuotaScope.ACCOUNT, teacher.id(), null, null);
        ledger.consume(notice(teacher), 10_000);
    }

    @Test
    void twoLedgersOnOneDatabaseShareTheLimit() throws Exception {
        StaffAccount teacher = account("teacher71");
        set(QuotaScope.ACCOUNT, teacher.id(), 100, null);
        List<QuotaLedger> instances = List.of(ledger, ledger());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            QuotaLedger instance = instances.get(i % 2);
            Notice notice = notice(teacher);
            Callable<Boolean> attempt = () -> {
                try {
                    instance.consume(notice, 10);
                    return true;
                } catch (QuotaExceededException e) {
                    return false;
                }
            };
            attempts.add(threads.submit(attempt));
        }
        int consumed = 0;
        for (Future<Boolean> attempt : attempts) {
            consumed += attempt.get() ? 1 : 0;
        }
        threads.shutdown();
        assertThat(consumed).isEqualTo(10);
        assertThat(use(teacher, QuotaPeriod.DAY)).extracting(QuotaUse::used, QuotaUse::remaining)
                .containsExactly(100L, 0L);
    }

    @Test
    void managersSetTheQuotasOfTheirOwnLevelOnlyAndEveryChangeIsAudited() {
        QuotaAdmin admin = new QuotaAdmin(settings, ledger, new AccountPolicy(school.jdbc, school.units),
                school.accounts, school.units, new AdminAuditLog(school.jdbc), school.jdbc, tx);
        StaffAccount teacher = account("teacher71");
        StaffAccount grade7 = account("grade7");
        StaffAccount affairs = account("affairs");
        long g7 = school.units.findByCode("g7").orElseThrow().id();
        long schoolUnit = school.units.findByCode("school").orElseThrow().id();

        QuotaEntry set = admin.setAccount(grade7, teacher.id(), new QuotaRequest(300L, null, null));
        assertThat(set.dailySms()).isEqualTo(300);
        assertThat(set.custom()).isTrue();
        assertThat(problem(() -> admin.setAccount(teacher, teacher.id(), new QuotaRequest(1L, null, null))))
                .isEqualTo(403);
        assertThat(problem(() -> admin.setAccount(grade7, grade7.id(), new QuotaRequest(1L, null, null))))
                .as("a division's own manager is set by the school level").isEqualTo(403);
        admin.setAccount(affairs, grade7.id(), new QuotaRequest(1000L, 20000L, null));
        assertThat(problem(() -> admin.setUnit(grade7, g7, new QuotaRequest(1L, null, null)))).isEqualTo(403);
        assertThat(problem(() -> admin.setUnit(affairs, 999_999, new QuotaRequest(1L, null, null)))).isEqualTo(404);
        assertThat(problem(() -> admin.setAccount(grade7, teacher.id(), new QuotaRequest(-1L, null, null))))
                .isEqualTo(400);
        assertThat(problem(() -> admin.setUnit(affairs, g7, new QuotaRequest(null, null, 3L)))).isEqualTo(400);
        admin.setUnit(affairs, g7, new QuotaRequest(2000L, null, null));
        admin.setUnit(affairs, schoolUnit, new QuotaRequest(null, null, 3L));
        assertThat(settings.recipientDailyMessages()).isEqualTo(3);
        assertThat(admin.resetAccount(grade7, teacher.id()).custom()).isFalse();

        List<String> actions = school.jdbc.queryForList(
                "select action || ' ' || target from admin_audit where action like 'QUOTA%' order by id",
                Map.of(), String.class);
        assertThat(actions).containsExactly("QUOTA_SET teacher71", "QUOTA_SET grade7", "QUOTA_SET g7",
                "QUOTA_SET school", "QUOTA_RESET teacher71");
        assertThat(admin.overview(grade7, null).get("accounts").toString()).contains("七(1)班刘老师")
                .doesNotContain("七年级赵主任");
        assertThat(problem(() -> admin.overview(teacher, null))).isEqualTo(403);
        assertThat(problem(() -> admin.overview(grade7, schoolUnit))).isEqualTo(404);
    }

    private QuotaLedger ledger() {
        return new QuotaLedger(QuotaLedger.proxyManager(school.database.dataSource(), clock), school.jdbc, settings,
                school.units, school.accounts, clock, SHANGHAI);
    }

    private void set(QuotaScope scope, long id, Integer daily, Integer monthly) {
        settings.save(scope, id, new QuotaSettings.Setting(new QuotaLimits(daily, monthly), null), id);
        ledger.limitsChanged(scope, id);
    }

    private QuotaUse use(StaffAccount account, QuotaPeriod period) {
        return ledger.uses(account).stream()
                .filter(u -> u.scope() == QuotaScope.ACCOUNT && u.period() == period).findFirst().orElseThrow();
    }

    private StaffAccount account(String username) {
        return school.accounts.findByUsername(username).orElseThrow();
    }

    private Notice notice(StaffAccount drafter) {
        Long id = school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash,
                    approval_round)
                values ('t', 'b', 'GENERAL', '{}'::jsonb, 'SMS', 'APPROVED', :drafter, repeat('0', 64), 1)
                returning id""", Map.of("drafter", drafter.id()), Long.class);
        return notices.find(id).orElseThrow();
    }

    private boolean charged(Notice notice) {
        return Boolean.TRUE.equals(school.jdbc.queryForObject(
                "select exists(select 1 from quota_charge where notice_id = :id)", Map.of("id", notice.id()),
                Boolean.class));
    }

    private static int problem(Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            return e.status();
        }
        throw new AssertionError("not refused");
    }

    /** Shanghai wall time the test sets by hand. */
    static final class TestClock extends Clock {

        private volatile Instant now;

        TestClock(LocalDateTime shanghai) {
            set(shanghai);
        }

        void set(LocalDateTime shanghai) {
            now = shanghai.atZone(SHANGHAI).toInstant();
        }

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
            throw new UnsupportedOperationException();
        }
    }
}
