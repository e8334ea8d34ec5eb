package cn.jiaxiao.routes.reply;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Absences a head teacher reported, the alert sent for each, the guardian's reply and any escalation. */
public class AbsenceRepository {

    private static final String SELECT = """
            select a.id, a.student_id, s.name as student_name, a.class_id, c.code as class_code, c.name as class_name,
              a.absence_date, a.kind, a.period, a.note, a.reported_by, a.notice_id, a.reply_text, a.replied_at,
              a.escalated_at, a.escalated_to, a.created_at
            from absence a join student s on s.id = a.student_id join unit c on c.id = a.class_id""";

    private final NamedParameterJdbcTemplate jdbc;

    public AbsenceRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Absence(long id, long studentId, String studentName, long classId, String classCode,
            String className, LocalDate date, String kind, String period, String note, long reportedBy,
            Long noticeId, String replyText, Instant repliedAt, Instant escalatedAt, Long escalatedTo,
            Instant createdAt) {
    }

    public long insert(long studentId, long classId, LocalDate date, String kind, String period, String note,
            long reportedBy, Instant at) {
        return jdbc.queryForObject("""
                insert into absence (student_id, class_id, absence_date, kind, period, note, reported_by, created_at)
                values (:student, :class, :date, :kind, :period, :note, :by, :at) returning id""",
                new MapSqlParameterSource().addValue("student", studentId).addValue("class", classId)
                        .addValue("date", Date.valueOf(date)).addValue("kind", kind).addValue("period", period)
                        .addValue("note", note).addValue("by", reportedBy).addValue("at", Timestamp.from(at)),
                Long.class);
    }

    public void linkNotice(long id, long noticeId) {
        jdbc.update("update absence set notice_id = :notice where id = :id", Map.of("notice", noticeId, "id", id));
    }

    public Optional<Absence> byNotice(long noticeId) {
        return jdbc.query(SELECT + " where a.notice_id = :id", Map.of("id", noticeId), this::map).stream().findFirst();
    }

    /** The guardian's reply taken as the reason; a second reply is appended, none is lost. */
    public void attachReply(long id, long replyId, String text, Instant at) {
        jdbc.update("""
                update absence set reply_id = coalesce(reply_id, :reply),
                  reply_text = case when reply_text is null then :text else reply_text || E'\\n' || :text end,
                  replied_at = coalesce(replied_at, :at)
                where id = :id""",
                new MapSqlParameterSource().addValue("id", id).addValue("reply", replyId).addValue("text", text)
                        .addValue("at", Timestamp.from(at)));
    }

    /** Absences without a reply reported before {@code cutoff} and not yet escalated, locked for this instance. */
    public List<Absence> lockOverdue(Instant cutoff) {
        return jdbc.query(SELECT + """
                 where a.replied_at is null and a.escalated_at is null and a.created_at < :cutoff
                order by a.id for update of a skip locked""", Map.of("cutoff", Timestamp.from(cutoff)), this::map);
    }

    public void markEscalated(long id, Long to, Instant at) {
        jdbc.update("update absence set escalated_at = :at, escalated_to = :to where id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("to", to).addValue("at", Timestamp.from(at)));
    }

    public Optional<Absence> find(long id) {
        return jdbc.query(SELECT + " where a.id = :id", Map.of("id", id), this::map).stream().findFirst();
    }

    public List<Absence> recent(int limit) {
        return jdbc.query(SELECT + " order by a.id desc limit :limit", Map.of("limit", limit), this::map);
    }

    private Absence map(ResultSet rs, int row) throws SQLException {
        return new Absence(rs.getLong("id"), rs.getLong("student_id"), rs.getString("student_name"),
                rs.getLong("class_id"), rs.getString("class_code"), rs.getString("class_name"),
                rs.getDate("absence_date").toLocalDate(), rs.getString("kind"), rs.getString("period"),
                rs.getString("note"), rs.getLong("reported_by"), (Long) rs.getObject("notice_id"),
                rs.getString("reply_text"), instant(rs, "replied_at"), instant(rs, "escalated_at"),
                (Long) rs.getObject("escalated_to"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
