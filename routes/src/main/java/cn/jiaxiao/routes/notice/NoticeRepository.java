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
            recipient_count, created_at, approved_at, sending_at, finished_at""";

    private final NamedParameterJdbcTemplate jdbc;

    public NoticeRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NoticeDraft draft, NoticeStatus status, long drafterId, String contentHash,
            ResolvedAudience audience) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values (:title, :body, :kind, cast(:audience as jsonb), :channels, :status, :drafter, :hash)""",
                new MapSqlParameterSource().addValue("title", draft.title()).addValue("body", draft.body())
                        .addValue("kind", draft.kind().name()).addValue("audience", Json.write(draft.audience()))
                        .addValue("channels", draft.channels().stream().map(Enum::name).collect(Collectors.joining(",")))
                        .addValue("status", status.name()).addValue("drafter", drafterId).addValue("hash", contentHash),
                keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        link("insert into notice_class (notice_id, class_id) values (:notice, :ref)", id, audience.classIds());
        link("insert into notice_guardian (notice_id, guardian_id) values (:notice, :ref)", id, audience.guardianIds());
        link("insert into notice_staff (notice_id, staff_id) values (:notice, :ref)", id, audience.staffIds());
        return id;
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
            case APPROVED -> ", approved_at = now()";
            case SENDING -> ", sending_at = now()";
            case SENT, PARTIALLY_FAILED -> ", finished_at = now()";
            default -> "";
        };
        jdbc.update("update notice set status = :status, updated_at = now()" + stamp + " where id = :id",
                Map.of("status", status.name(), "id", id));
    }

    public void recordRecipientCount(long id, int count) {
        jdbc.update("update notice set recipient_count = :count where id = :id", Map.of("count", count, "id", id));
    }

    /**
     * Closes a sending notice once none of its messages waits to be submitted: SENT, or PARTIALLY_FAILED
     * when some could not be submitted at all.
     */
    public void finishIfAllSubmitted(long id) {
        jdbc.update("""
                update notice set updated_at = now(), finished_at = now(),
                  status = case when exists (select 1 from outbound_message
                                             where notice_id = :id and state = 'FAILED')
                                then 'PARTIALLY_FAILED' else 'SENT' end
                where id = :id and status = 'SENDING'
                  and not exists (select 1 from outbound_message where notice_id = :id and state = 'QUEUED')""",
                Map.of("id", id));
    }

    public List<Long> sending() {
        return jdbc.queryForList("select id from notice where status = 'SENDING'", Map.of(), Long.class);
    }

    /** Approved notices whose release never got going (a lost hand-off); fan-out is idempotent. */
    public List<Long> approvedBefore(Instant cutoff) {
        return jdbc.queryForList("select id from notice where status = 'APPROVED' and approved_at < :cutoff",
                Map.of("cutoff", Timestamp.from(cutoff)), Long.class);
    }

    private Notice map(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                TemplateKind.parse(rs.getString("kind")), Json.read(rs.getString("audience"), Audience.class),
                Arrays.stream(rs.getString("channels").split(",")).map(Channel::valueOf).toList(),
                NoticeStatus.valueOf(rs.getString("status")), rs.getLong("drafter_id"), rs.getString("content_hash"),
                (Integer) rs.getObject("recipient_count"), instant(rs, "created_at"), instant(rs, "approved_at"),
                instant(rs, "sending_at"), instant(rs, "finished_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
