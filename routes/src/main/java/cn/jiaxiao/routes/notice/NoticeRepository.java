package cn.jiaxiao.routes.notice;

import cn.jiaxiao.routes.scope.ResolvedAudience;
import cn.jiaxiao.routes.support.Json;
import cn.jiaxiao.templates.render.TemplateKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

public class NoticeRepository {

    private static final String COLUMNS = """
            id, title, body, kind, audience::text as audience, channels, status, drafter_id, content_hash,
            recipient_count, created_at, approved_at, sending_at, finished_at, send_at, request_reason,
            rejection_reason, filed_at, released_at, approval_round, fallback, reply_required""";

    private final NamedParameterJdbcTemplate jdbc;

    public NoticeRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NoticeDraft draft, NoticeStatus status, long drafterId, String contentHash,
            ResolvedAudience audience) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash, send_at,
                    request_reason, approval_round, fallback, reply_required)
                values (:title, :body, :kind, cast(:audience as jsonb), :channels, :status, :drafter, :hash, :sendAt,
                    :reason, 0, :fallback, :replyRequired)""",
                content(draft, contentHash).addValue("status", status.name()).addValue("drafter", drafterId),
                keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        linkAudience(id, audience);
        return id;
    }

    /** Replaces the content and audience of a notice being edited; its approvals are the caller's to restart. */
    public void updateContent(long id, NoticeDraft draft, String contentHash, ResolvedAudience audience) {
        jdbc.update("""
                update notice set title = :title, body = :body, kind = :kind, audience = cast(:audience as jsonb),
                  channels = :channels, content_hash = :hash, send_at = :sendAt, request_reason = :reason,
                  fallback = :fallback, reply_required = :replyRequired, updated_at = now()
                where id = :id""", content(draft, contentHash).addValue("id", id));
        for (String table : List.of("notice_class", "notice_guardian", "notice_staff")) {
            jdbc.update("delete from " + table + " where notice_id = :id", Map.of("id", id));
        }
        linkAudience(id, audience);
    }

    private static MapSqlParameterSource content(NoticeDraft draft, String contentHash) {
        return new MapSqlParameterSource().addValue("title", draft.title()).addValue("body", draft.body())
                .addValue("kind", draft.kind().name()).addValue("audience", Json.write(draft.audience()))
                .addValue("channels", draft.channels().stream().map(Enum::name).collect(Collectors.joining(",")))
                .addValue("hash", contentHash)
                .addValue("sendAt", draft.sendAt() == null ? null : Timestamp.from(draft.sendAt()))
                .addValue("reason", draft.requestReason()).addValue("fallback", draft.fallback())
                .addValue("replyRequired", draft.replyRequired());
    }

    private void linkAudience(long id, ResolvedAudience audience) {
        link("insert into notice_class (notice_id, class_id) values (:notice, :ref)", id, audience.classIds());
        link("insert into notice_guardian (notice_id, guardian_id) values (:notice, :ref)", id, audience.guardianIds());
        link("insert into notice_staff (notice_id, staff_id) values (:notice, :ref)", id, audience.staffIds());
    }

    private void link(String sql, long noticeId, Collection<Long> refs) {
        jdbc.batchUpdate(sql, refs.stream()
                .map(ref -> new MapSqlParameterSource().addValue("notice", noticeId).addValue("ref", ref))
                .toArray(MapSqlParameterSource[]::new));
    }

    public Optional<Notice> find(long id) {
        return jdbc.query("select " + COLUMNS + " from notice where id = :id", Map.of("id", id), this::map)
                .stream().findFirst();
    }

    /** Locks the notice row for the rest of the transaction: its state changes one writer at a time. */
    public Optional<Notice> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from notice where id = :id for update", Map.of("id", id), this::map)
                .stream().findFirst();
    }

    public List<Long> classIds(long noticeId) {
        return jdbc.queryForList("select class_id from notice_class where notice_id = :id order by class_id",
                Map.of("id", noticeId), Long.class);
    }

    /** Guardians the notice names one by one (from custom groups). */
    public List<Long> guardianIds(long noticeId) {
        return jdbc.queryForList("select guardian_id from notice_guardian where notice_id = :id order by guardian_id",
                Map.of("id", noticeId), Long.class);
    }

    public List<Long> staffIds(long noticeId) {
        return jdbc.queryForList("select staff_id from notice_staff where notice_id = :id order by staff_id",
                Map.of("id", noticeId), Long.class);
    }

    public void updateStatus(long id, NoticeStatus status) {
        String stamp = switch (status) {
            case APPROVED -> ", approved_at = coalesce(approved_at, now())";
            case SENDING -> ", sending_at = now()";
            case SENT, PARTIALLY_FAILED -> ", finished_at = now()";
            default -> "";
        };
        jdbc.update("update notice set status = :status, updated_at = now()" + stamp + " where id = :id",
                Map.of("status", status.name(), "id", id));
    }

    /** Starts a new round of approval (a submission or resubmission); returns its number. */
    public int startRound(long id, NoticeStatus status, String chainKind) {
        return jdbc.queryForObject("""
                update notice set approval_round = approval_round + 1, status = :status, rejection_reason = null,
                  chain_kind = :kind, updated_at = now() where id = :id returning approval_round""",
                Map.of("id", id, "status", status.name(), "kind", chainKind), Integer.class);
    }

    public String chainKind(long id) {
        return jdbc.queryForObject("select chain_kind from notice where id = :id", Map.of("id", id), String.class);
    }

    public void reject(long id, String reason) {
        jdbc.update("""
                update notice set status = 'REJECTED', rejection_reason = :reason, updated_at = now() where id = :id""",
                Map.of("id", id, "reason", reason));
    }

    public void schedule(long id, Instant sendAt) {
        jdbc.update("""
                update notice set status = 'SCHEDULED', send_at = :sendAt, approved_at = coalesce(approved_at, now()),
                  updated_at = now() where id = :id""",
                Map.of("id", id, "sendAt", Timestamp.from(sendAt)));
    }

    public void markFiled(long id) {
        jdbc.update("update notice set filed_at = now() where id = :id", Map.of("id", id));
    }

    public void markReleased(long id) {
        jdbc.update("update notice set released_at = now() where id = :id", Map.of("id", id));
    }

    /**
     * Takes the scheduled notices that are due, each by one instance only: the rows are locked, and those
     * another instance holds are skipped.
     */
    public List<Long> lockDueScheduled(Instant now) {
        return jdbc.queryForList("""
                select id from notice where status = 'SCHEDULED' and send_at <= :now
                order by send_at for update skip locked""", Map.of("now", Timestamp.from(now)), Long.class);
    }

    /** Notices visible in lists: the caller filters by scope; newest first. */
    public List<Notice> recent(NoticeStatus status, int limit) {
        return jdbc.query("select " + COLUMNS + """
                 from notice where (cast(:status as varchar) is null or status = :status)
                order by id desc limit :limit""",
                new MapSqlParameterSource().addValue("status", status == null ? null : status.name())
                        .addValue("limit", limit), this::map);
    }

    /** The release route handed every batch of the notice's fan-out to the broker. */
    public void markBatchesQueued(long id) {
        jdbc.update("update notice set batches_queued_at = now() where id = :id and batches_queued_at is null",
                Map.of("id", id));
    }

    public boolean batchesQueued(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select batches_queued_at is not null from notice where id = :id", Map.of("id", id), Boolean.class));
    }

    public void recordRecipientCount(long id, int count) {
        jdbc.update("update notice set recipient_count = :count where id = :id", Map.of("count", count, "id", id));
    }

    /**
     * Closes a sending notice once none of its messages waits to be submitted: SENT, or PARTIALLY_FAILED
     * when some could not be submitted at all.
     */
    public Optional<NoticeStatus> finishIfAllSubmitted(long id) {
        return jdbc.queryForList("""
                update notice set updated_at = now(), finished_at = now(),
                  status = case when exists (select 1 from outbound_message
                                             where notice_id = :id and state = 'FAILED')
                                then 'PARTIALLY_FAILED' else 'SENT' end
                where id = :id and status = 'SENDING'
                  and not exists (select 1 from outbound_message where notice_id = :id and state = 'QUEUED')
                  and not (fallback and exists (select 1 from outbound_message where notice_id = :id
                                                and channel = 'PUSH' and fallback_checked_at is null))
                returning status""", Map.of("id", id), String.class).stream().findFirst().map(NoticeStatus::valueOf);
    }

    public List<Long> sending() {
        return jdbc.queryForList("select id from notice where status = 'SENDING'", Map.of(), Long.class);
    }

    /** Approved notices whose release never got going (a lost hand-off); fan-out is idempotent. */
    /** A transaction-scoped advisory lock: true if this transaction holds it now, false if another one does. */
    public boolean tryClusterLock(long key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(:key)", Map.of("key", key),
                Boolean.class));
    }

    public List<Long> approvedBefore(Instant cutoff) {
        // skip locked: a notice whose fan-out transaction is still running (a district-wide one can take longer
        // than the grace period) holds its row lock, and is not stalled
        return jdbc.queryForList("""
                select id from notice where status = 'APPROVED' and approved_at < :cutoff
                for update skip locked""", Map.of("cutoff", Timestamp.from(cutoff)), Long.class);
    }

    private Notice map(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                TemplateKind.parse(rs.getString("kind")), Json.read(rs.getString("audience"), Audience.class),
                Arrays.stream(rs.getString("channels").split(",")).map(Channel::valueOf).toList(),
                NoticeStatus.valueOf(rs.getString("status")), rs.getLong("drafter_id"), rs.getString("content_hash"),
                (Integer) rs.getObject("recipient_count"), instant(rs, "created_at"), instant(rs, "approved_at"),
                instant(rs, "sending_at"), instant(rs, "finished_at"), instant(rs, "send_at"),
                rs.getString("request_reason"), rs.getString("rejection_reason"), instant(rs, "filed_at"),
                instant(rs, "released_at"), rs.getInt("approval_round"), rs.getBoolean("fallback"),
                rs.getBoolean("reply_required"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
