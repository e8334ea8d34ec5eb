package cn.jiaxiao.routes.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only, hash-chained record of every notice transition. Appends join the caller's
 * transaction, so a transition and its audit row commit or roll back together.
 */
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /**
     * Several gateway instances share one database, and each append must chain onto the row before it:
     * two appends reading the same last hash would fork the chain. A transaction-scoped advisory lock
     * orders them cluster-wide and is released by the commit that makes the new row visible. ("jxaudt")
     */
    private static final long APPEND_LOCK = 0x6A78_6175_6474L;

    private static final int VERIFY_PAGE = 1000;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private static final String SELECT_WITH_ACTOR = """
            select e.id, e.notice_id, e.action, e.actor_id, a.username, a.display_name, e.role, e.at,
                   e.content_hash, e.comment, e.prev_hash, e.hash""";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public AuditTrail(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Appends within the caller's transaction: same commit as the state change. The chain lock taken
     * here is held until that commit, so append last, after the row locks the transition needs: audited
     * transactions then queue only briefly, and never hold the chain while waiting for a row.
     *
     * @param noticeId null for events not about one notice
     * @param actorId null when the system acted
     * @param contentHash the notice content the transition applied to, lowercase SHA-256 hex, or null
     * @throws IllegalStateException outside a read-committed transaction
     */
    public AuditEvent append(Long noticeId, String action, Long actorId, String role, String contentHash,
            String comment) {
        checkArguments(action, role, contentHash, comment);
        // Without a transaction the advisory lock would be released at the end of its own statement,
        // before the insert: two instances could then chain onto the same row.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("AuditTrail.append must run inside a transaction");
        }
        lockChain();
        // A separate statement after the lock: under read committed it takes a fresh snapshot, which
        // includes the row the previous lock holder committed.
        String prevHash = lastHash();
        // Taken under the lock, so times never run backwards along the chain on one clock; truncated to
        // what timestamptz keeps, so the hash recomputes from the stored row.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = ChainHash.of(prevHash, noticeId, action, actorId, role, at, contentHash, comment);
        // Ids come from the sequence while the lock is held, so id order is chain order.
        return jdbc.queryForObject("""
                with appended as (
                    insert into audit_event (notice_id, action, actor_id, role, at, content_hash, comment,
                                             prev_hash, hash)
                    values (:notice, :action, :actor, :role, :at, :contentHash, :comment, :prevHash, :hash)
                    returning *)
                """ + SELECT_WITH_ACTOR + " from appended e left join staff_account a on a.id = e.actor_id",
                new MapSqlParameterSource()
                        .addValue("notice", noticeId, Types.BIGINT)
                        .addValue("action", action, Types.VARCHAR)
                        .addValue("actor", actorId, Types.BIGINT)
                        .addValue("role", role, Types.VARCHAR)
                        .addValue("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("contentHash", contentHash, Types.CHAR)
                        .addValue("comment", comment, Types.VARCHAR)
                        .addValue("prevHash", prevHash, Types.CHAR)
                        .addValue("hash", hash, Types.CHAR),
                AuditTrail::event);
    }

    /** The notice's events in the order they happened, with the actors' names. */
    public List<AuditEvent> forNotice(long noticeId) {
        return jdbc.query(SELECT_WITH_ACTOR + """
                 from audit_event e left join staff_account a on a.id = e.actor_id
                where e.notice_id = :notice order by e.id""", Map.of("notice", noticeId), AuditTrail::event);
    }

    /**
     * Walks the whole chain in id order, a page at a time, and reports the first row that doesn't fit:
     * an edited row fails its own hash; a deleted, inserted or reordered row breaks the prev_hash link
     * of the row after it.
     */
    public AuditVerification verify() {
        ChainWalk walk = new ChainWalk();
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditEvent> page = jdbc.query(SELECT_WITH_ACTOR + """
                     from audit_event e left join staff_account a on a.id = e.actor_id
                    where e.id > :after order by e.id limit :limit""",
                    Map.of("after", after, "limit", VERIFY_PAGE), AuditTrail::event);
            for (AuditEvent row : page) {
                AuditVerification broken = walk.check(row);
                if (broken != null) {
                    log.warn("Audit chain broken: {}", broken.problem());
                    return broken;
                }
                after = row.id();
            }
            if (page.size() < VERIFY_PAGE) {
                return AuditVerification.intact(walk.rowsChecked);
            }
        }
    }

    private void lockChain() {
        String isolation = jdbc.queryForObject(
                "select current_setting('transaction_isolation') from pg_advisory_xact_lock(:key)",
                Map.of("key", APPEND_LOCK), String.class);
        // A repeatable-read snapshot taken before the lock can't see the previous holder's row, so the
        // append would chain onto a stale hash.
        if (!"read committed".equals(isolation)) {
            throw new IllegalStateException("AuditTrail.append needs read committed isolation, not " + isolation);
        }
    }

    private String lastHash() {
        return jdbc.query("select hash from audit_event order by id desc limit 1", Map.of(),
                        (rs, n) -> rs.getString("hash"))
                .stream().findFirst().orElse(ChainHash.GENESIS);
    }

    private static void checkArguments(String action, String role, String contentHash, String comment) {
        if (action == null || action.isBlank() || action.length() > 30) {
            throw new IllegalArgumentException("action must be 1 to 30 characters: " + action);
        }
        if (role != null && role.length() > 32) {
            throw new IllegalArgumentException("role longer than 32 characters: " + role);
        }
        // char(64) would pad anything shorter, and the padded value would no longer hash the same.
        if (contentHash != null && !SHA256_HEX.matcher(contentHash).matches()) {
            throw new IllegalArgumentException("contentHash must be 64 lowercase hex digits: " + contentHash);
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > 1000) {
            throw new IllegalArgumentException("comment longer than 1000 characters");
        }
    }

    private static AuditEvent event(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getObject("notice_id", Long.class), rs.getString("action"),
                rs.getObject("actor_id", Long.class), rs.getString("username"), rs.getString("display_name"),
                rs.getString("role"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("content_hash"), rs.getString("comment"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** The state carried from one row to the next while verifying. */
    private static final class ChainWalk {

        private String expectedPrevHash = ChainHash.GENESIS;
        private long rowsChecked;

        /** @return null while the chain holds, else what broke at this row */
        AuditVerification check(AuditEvent row) {
            rowsChecked++;
            if (!expectedPrevHash.equals(row.prevHash())) {
                String problem = rowsChecked == 1
                        ? "row " + row.id() + ": the first row does not start from the genesis hash"
                                + " (earlier rows were deleted, or the row was inserted or rewritten)"
                        : "row " + row.id() + ": prev_hash does not match the hash of the row before it"
                                + " (a row was deleted or inserted in between, or one was rewritten)";
                return AuditVerification.broken(rowsChecked, row.id(), problem);
            }
            String recomputed = ChainHash.of(row.prevHash(), row.noticeId(), row.action(), row.actorId(),
                    row.role(), row.at(), row.contentHash(), row.comment());
            if (!recomputed.equals(row.hash())) {
                return AuditVerification.broken(rowsChecked, row.id(),
                        "row " + row.id() + ": hash does not match the row's contents (the row was edited)");
            }
            expectedPrevHash = row.hash();
            return null;
        }
    }
}
