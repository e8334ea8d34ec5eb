package cn.jiaxiao.routes.retention;

import cn.jiaxiao.routes.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the per-recipient message rows (outbound messages, their SMS parts and delivery events) of notices
 * that finished more than {@code retention} ago, a slice of notices per transaction.
 *
 * <p>What stays: the notice itself (title, body, audience, drafter, recipient count), its approval steps and
 * its audit rows. The audit trail is a hash chain that must stay verifiable, and it never referred to
 * message rows, so deleting them leaves it intact; each purge is itself appended to the trail
 * ({@code MESSAGES_PURGED}, with how many rows went) and stamped on the notice ({@code messages_purged_at}).
 *
 * <p>Several instances may run the job at once: each slice first takes a transaction-scoped advisory
 * lock with {@code pg_try_advisory_xact_lock}; an instance that doesn't get it leaves the work to the one
 * that has it.
 */
public class ArchiveRetention {

    private static final Logger log = LoggerFactory.getLogger(ArchiveRetention.class);
    /** "jxretn": one purging slice at a time across the cluster. */
    static final long LOCK = 0x6A78_7265_746EL;
    public static final String AUDIT_ACTION = "MESSAGES_PURGED";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Period retention;
    private final int sliceNotices;

    public ArchiveRetention(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, AuditTrail audit, Clock clock,
            ZoneId zone, Period retention, int sliceNotices) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.tx = Objects.requireNonNull(tx);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("jiaxiao.archive.retention must be positive: " + retention);
        }
        this.retention = retention;
        this.sliceNotices = Math.max(1, sliceNotices);
    }

    public record Result(int notices, long messages, boolean skipped) {
    }

    /** The instant before which finished notices lose their message rows. */
    public Instant cutoff() {
        return clock.instant().atZone(zone).minus(retention).toInstant();
    }

    /** Purges slice after slice until nothing is left or another instance holds the lock. */
    public Result purge() {
        Instant cutoff = cutoff();
        int notices = 0;
        long messages = 0;
        while (true) {
            Result slice = tx.execute(status -> purgeSlice(cutoff));
            if (slice == null || slice.skipped()) {
                if (notices == 0) {
                    log.info("Archive retention: another instance is purging; skipped");
                }
                return new Result(notices, messages, notices == 0);
            }
            if (slice.notices() == 0) {
                break;
            }
            notices += slice.notices();
            messages += slice.messages();
        }
        if (notices > 0) {
            log.info("Archive retention: deleted {} message rows of {} notices finished before {}", messages,
                    notices, cutoff);
        }
        return new Result(notices, messages, false);
    }

    private Result purgeSlice(Instant cutoff) {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(:lock)", Map.of("lock", LOCK),
                Boolean.class);
        if (!Boolean.TRUE.equals(locked)) {
            return new Result(0, 0, true);
        }
        List<Long> ids = jdbc.queryForList("""
                select id from notice
                where finished_at < :cutoff and messages_purged_at is null
                order by finished_at, id
                limit :slice
                for update skip locked""",
                Map.of("cutoff", OffsetDateTime.ofInstant(cutoff, zone), "slice", sliceNotices), Long.class);
        long messages = 0;
        for (long id : ids) {
            Map<String, Object> notice = Map.of("id", id);
            // a fallback SMS points at the push message it replaced (same notice)
            jdbc.update("update outbound_message set fallback_of = null where notice_id = :id and fallback_of is not null",
                    notice);
            int events = jdbc.update("""
                    delete from delivery_event where message_id in (select id from outbound_message where notice_id = :id)""",
                    notice);
            int parts = jdbc.update("""
                    delete from sms_part where message_id in (select id from outbound_message where notice_id = :id)""",
                    notice);
            int rows = jdbc.update("delete from outbound_message where notice_id = :id", notice);
            jdbc.update("update notice set messages_purged_at = now() where id = :id", notice);
            audit.append(id, AUDIT_ACTION, null, null, null,
                    "保存期满（" + retention + "），删除逐人发送记录 " + rows + " 条、短信分段 " + parts
                            + " 条、回执 " + events + " 条");
            messages += rows;
        }
        return new Result(ids.size(), messages, false);
    }
}
