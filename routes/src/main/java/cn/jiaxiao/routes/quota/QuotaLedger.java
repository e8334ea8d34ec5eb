package cn.jiaxiao.routes.quota;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.notice.Notice;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SMS quotas of staff accounts and units, enforced with Bucket4j buckets kept in PostgreSQL
 * ({@code quota_bucket}), so that every gateway instance draws from the same tokens.
 *
 * <p>One bucket per target (an account, or a unit) and period. The daily bucket is one row whose tokens come
 * back in full at local midnight in the school's time zone (an intervally aligned refill of one day: exact in
 * Asia/Shanghai, which has no daylight saving). Months differ in length, so each month has its own bucket
 * (its key names the month) whose aligned refill falls on the first of the next month.
 *
 * <p>The buckets gate; {@code quota_charge} records: one row per released notice with its parts, its drafter
 * and the drafter's units. A bucket that does not exist yet (first use, or its limit just changed) is built
 * from the limit in force minus what the record says is used in the period, so changing a limit keeps the
 * period's use. Tokens are taken only when a notice is released for sending; a check takes none.
 */
public class QuotaLedger {

    private static final Logger log = LoggerFactory.getLogger(QuotaLedger.class);
    private static final int CREATE_ATTEMPTS = 50;
    private static final QuotaPeriod[] PERIODS = QuotaPeriod.values();

    private final ProxyManager<String> buckets;
    private final NamedParameterJdbcTemplate jdbc;
    private final QuotaSettings settings;
    private final UnitRepository units;
    private final StaffAccountRepository accounts;
    private final Clock clock;
    private final ZoneId zone;

    public QuotaLedger(ProxyManager<String> buckets, NamedParameterJdbcTemplate jdbc, QuotaSettings settings,
            UnitRepository units, StaffAccountRepository accounts, Clock clock, ZoneId zone) {
        this.buckets = buckets;
        this.jdbc = jdbc;
        this.settings = settings;
        this.units = units;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = zone;
    }

    /** The quota buckets' proxy manager: table {@code quota_bucket}, Bucket4j's time read from {@code clock}. */
    public static ProxyManager<String> proxyManager(DataSource dataSource, Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("quota_bucket")
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        Instant now = clock.instant();
                        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
    }

    /** An account or a unit, whose quota a notice draws on. */
    public record Target(QuotaScope scope, long id, String name) {
    }

    /** The drafter's own account, then his home unit and its ancestors up to the school. */
    public List<Target> targetsOf(StaffAccount account) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(QuotaScope.ACCOUNT, account.id(), account.displayName()));
        List<Unit> lineage = units.lineage(units.findById(account.unitId()).orElseThrow());
        for (int i = lineage.size() - 1; i >= 0; i--) {
            targets.add(new Target(QuotaScope.UNIT, lineage.get(i).id(), lineage.get(i).name()));
        }
        return targets;
    }

    /** Every quota of the account and its units, unlimited ones included, with their use. */
    public List<QuotaUse> uses(StaffAccount account) {
        List<QuotaUse> uses = new ArrayList<>();
        for (Target target : targetsOf(account)) {
            uses.addAll(uses(target));
        }
        return uses;
    }

    public List<QuotaUse> uses(Target target) {
        QuotaLimits limits = settings.limits(target.scope(), target.id());
        List<QuotaUse> uses = new ArrayList<>();
        for (QuotaPeriod period : PERIODS) {
            uses.add(use(target, period, limits.limit(period)));
        }
        return uses;
    }

    /** The quotas of the drafter and his units that have fewer parts left than {@code parts}. Takes nothing. */
    public List<QuotaShortfall> shortfalls(StaffAccount drafter, int parts) {
        List<QuotaShortfall> shortfalls = new ArrayList<>();
        if (parts <= 0) {
            return shortfalls;
        }
        for (Target target : targetsOf(drafter)) {
            QuotaLimits limits = settings.limits(target.scope(), target.id());
            for (QuotaPeriod period : PERIODS) {
                Integer limit = limits.limit(period);
                if (limit != null) {
                    QuotaUse use = use(target, period, limit);
                    if (use.remaining() < parts) {
                        shortfalls.add(QuotaShortfall.of(use, parts));
                    }
                }
            }
        }
        return shortfalls;
    }

    /**
     * Takes the notice's parts from its drafter's quotas and his units' quotas, all or none: when one of them
     * has too few left, whatever was already taken goes back and the notice is refused (422). Once per notice;
     * when the caller's transaction rolls back, the parts go back too.
     */
    public void consume(Notice notice, int parts) {
        charge(notice, parts, false);
    }

    /**
     * Takes the parts even beyond a limit (a scheduled notice whose time has come was checked when it was
     * approved and must not be dropped silently now); the quota then shows as used up.
     */
    public void consumeRegardless(Notice notice, int parts) {
        charge(notice, parts, true);
    }

    /** Gives back what a notice took, if it took anything, in the periods it was taken in. */
    public void refund(long noticeId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select account_id, unit_ids, parts, charged_at from quota_charge
                where notice_id = :id and refunded_at is null for update""", Map.of("id", noticeId));
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Object> row = rows.get(0);
        jdbc.update("update quota_charge set refunded_at = :now where notice_id = :id",
                Map.of("now", Timestamp.from(clock.instant()), "id", noticeId));
        int parts = ((Number) row.get("parts")).intValue();
        ZonedDateTime chargedAt = ((Timestamp) row.get("charged_at")).toInstant().atZone(zone);
        List<Taken> back = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(QuotaScope.ACCOUNT, ((Number) row.get("account_id")).longValue(), ""));
        for (Long unitId : unitIds(row.get("unit_ids"))) {
            targets.add(new Target(QuotaScope.UNIT, unitId, ""));
        }
        ZonedDateTime now = now();
        for (Target target : targets) {
            QuotaLimits limits = settings.limits(target.scope(), target.id());
            for (QuotaPeriod period : PERIODS) {
                Integer limit = limits.limit(period);
                if (limit != null && limit > 0 && !chargedAt.isBefore(period.start(now))) {
                    back.add(new Taken(target, period, limit));
                }
            }
        }
        afterCommit(() -> giveBack(back, parts));
        log.info("Notice {} gave back {} SMS parts to its quotas", noticeId, parts);
    }

    /** A limit changed: the target's buckets are rebuilt on next use, from the new limit and the record. */
    public void limitsChanged(QuotaScope scope, long targetId) {
        jdbc.update("delete from quota_bucket where id like :prefix",
                Map.of("prefix", scope.name() + ":" + targetId + ":%"));
    }

    private void charge(Notice notice, int parts, boolean regardless) {
        if (parts <= 0 || charged(notice.id())) {
            return;
        }
        StaffAccount drafter = accounts.findById(notice.drafterId()).orElseThrow();
        List<Target> targets = targetsOf(drafter);
        List<Taken> taken = new ArrayList<>();
        List<QuotaShortfall> shortfalls = new ArrayList<>();
        for (Target target : targets) {
            QuotaLimits limits = settings.limits(target.scope(), target.id());
            for (QuotaPeriod period : PERIODS) {
                Integer limit = limits.limit(period);
                if (limit == null) {
                    continue;
                }
                Taken take = new Taken(target, period, limit);
                if (regardless) {
                    if (limit > 0) {
                        withBucket(take, bucket -> bucket.consumeIgnoringRateLimits(parts));
                    }
                } else if (limit > 0 && withBucket(take, bucket -> bucket.tryConsume(parts))) {
                    taken.add(take);
                } else {
                    shortfalls.add(QuotaShortfall.of(use(target, period, limit), parts));
                }
            }
        }
        if (!shortfalls.isEmpty()) {
            giveBack(taken, parts);
            throw QuotaExceededException.sms(shortfalls);
        }
        jdbc.update("""
                insert into quota_charge (notice_id, account_id, unit_ids, parts, charged_at)
                values (:notice, :account, string_to_array(:units, ',')::bigint[], :parts, :at)""",
                new MapSqlParameterSource().addValue("notice", notice.id()).addValue("account", drafter.id())
                        .addValue("units", String.join(",", targets.stream()
                                .filter(t -> t.scope() == QuotaScope.UNIT).map(t -> String.valueOf(t.id())).toList()))
                        .addValue("parts", parts).addValue("at", Timestamp.from(clock.instant())));
        onRollback(() -> giveBack(taken, parts));
    }

    private boolean charged(long noticeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from quota_charge where notice_id = :id)", Map.of("id", noticeId),
                Boolean.class));
    }

    private QuotaUse use(Target target, QuotaPeriod period, Integer limit) {
        long used = used(target, period, now());
        if (limit == null) {
            return new QuotaUse(target.scope(), target.id(), target.name(), period, null, used, null);
        }
        long remaining = limit == 0 ? 0 : Math.max(0, withBucket(new Taken(target, period, limit),
                Bucket::getAvailableTokens));
        return new QuotaUse(target.scope(), target.id(), target.name(), period, limit, used, remaining);
    }

    /** Parts the record says the target used in the period of {@code now}, refunds left out. */
    private long used(Target target, QuotaPeriod period, ZonedDateTime now) {
        String who = target.scope() == QuotaScope.ACCOUNT ? "account_id = :id" : ":id = any(unit_ids)";
        Long used = jdbc.queryForObject("select coalesce(sum(parts), 0) from quota_charge where " + who
                + " and refunded_at is null and charged_at >= :start and charged_at < :end",
                new MapSqlParameterSource().addValue("id", target.id())
                        .addValue("start", Timestamp.from(period.start(now).toInstant()))
                        .addValue("end", Timestamp.from(period.end(now).toInstant())), Long.class);
        return used == null ? 0 : used;
    }

    private record Taken(Target target, QuotaPeriod period, int limit) {
    }

    private void giveBack(List<Taken> taken, int parts) {
        for (Taken take : taken) {
            withBucket(take, bucket -> {
                bucket.addTokens(parts);
                return null;
            });
        }
    }

    private <T> T withBucket(Taken take, Function<Bucket, T> operation) {
        String key = key(take);
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.apply(buckets.builder().build(key, () -> configuration(take)));
            } catch (BucketNotFoundException e) {
                // Instances creating the same bucket row at once: one insert wins, the others retry.
                if (attempt >= CREATE_ATTEMPTS) {
                    throw e;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private String key(Taken take) {
        String key = take.target().scope().name() + ":" + take.target().id() + ":" + take.period().name();
        return take.period() == QuotaPeriod.MONTH ? key + ":" + YearMonth.from(now()) : key;
    }

    private BucketConfiguration configuration(Taken take) {
        ZonedDateTime now = now();
        ZonedDateTime end = take.period().end(now);
        Duration every = take.period() == QuotaPeriod.DAY ? Duration.ofDays(1)
                : Duration.between(take.period().start(now), end);
        long left = Math.max(0, take.limit() - used(take.target(), take.period(), now));
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(take.limit())
                        .refillIntervallyAligned(take.limit(), every, end.toInstant())
                        .initialTokens(left).build())
                .build();
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(zone);
    }

    private static List<Long> unitIds(Object value) {
        try {
            Object array = value instanceof Array sql ? sql.getArray() : value;
            List<Long> ids = new ArrayList<>();
            for (Object id : (Object[]) array) {
                ids.add(((Number) id).longValue());
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void onRollback(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        action.run();
                    }
                }
            });
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
