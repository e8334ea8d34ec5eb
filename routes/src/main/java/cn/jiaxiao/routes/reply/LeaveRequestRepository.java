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

/** Leave requests parents sent by SMS, one per handled reply (so a redelivered MO records none twice). */
public class LeaveRequestRepository {

    private static final String SELECT = """
            select l.id, l.student_id, s.name as student_name, l.class_id, c.code as class_code, c.name as class_name,
              l.guardian_id, g.name as guardian_name, l.from_date, l.to_date, l.day_part, l.reason, l.original_text,
              l.state, l.decided_by, l.decided_at, l.decision_note, l.created_at
            from leave_request l join student s on s.id = l.student_id join unit c on c.id = l.class_id
            left join guardian g on g.id = l.guardian_id""";

    private final NamedParameterJdbcTemplate jdbc;

    public LeaveRequestRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Leave(long id, long studentId, String studentName, long classId, String classCode,
            String className, Long guardianId, String guardianName, LocalDate from, LocalDate to, DayPart part,
            String reason, String originalText, String state, Long decidedBy, Instant decidedAt,
            String decisionNote, Instant createdAt) {

        public String period() {
            return ReplyTexts.period(from, to, part);
        }
    }

    public long insert(long replyId, long studentId, long classId, long guardianId, LeaveRequest request,
            String originalText, Instant at) {
        return jdbc.queryForObject("""
                insert into leave_request (reply_id, student_id, class_id, guardian_id, from_date, to_date, day_part,
                  reason, original_text, state, created_at)
                values (:reply, :student, :class, :guardian, :from, :to, :part, :reason, :text, 'PENDING', :at)
                returning id""",
                new MapSqlParameterSource().addValue("reply", replyId).addValue("student", studentId)
                        .addValue("class", classId).addValue("guardian", guardianId)
                        .addValue("from", Date.valueOf(request.from())).addValue("to", Date.valueOf(request.to()))
                        .addValue("part", request.part().name())
                        .addValue("reason", request.reason().length() > 500 ? request.reason().substring(0, 500)
                                : request.reason())
                        .addValue("text", originalText).addValue("at", Timestamp.from(at)), Long.class);
    }

    public Optional<Leave> find(long id) {
        return jdbc.query(SELECT + " where l.id = :id", Map.of("id", id), this::map).stream().findFirst();
    }

    public Optional<Leave> lock(long id) {
        return jdbc.query(SELECT + " where l.id = :id for update of l", Map.of("id", id), this::map).stream()
                .findFirst();
    }

    /** Newest first; the caller filters by scope. */
    public List<Leave> recent(String state, int limit) {
        return jdbc.query(SELECT + " where (cast(:state as varchar) is null or l.state = :state)"
                + " order by l.id desc limit :limit",
                new MapSqlParameterSource().addValue("state", state).addValue("limit", limit), this::map);
    }

    public void decide(long id, String state, long deciderId, String note, Instant at) {
        jdbc.update("""
                update leave_request set state = :state, decided_by = :decider, decided_at = :at, decision_note = :note
                where id = :id""",
                new MapSqlParameterSource().addValue("id", id).addValue("state", state)
                        .addValue("decider", deciderId).addValue("note", note).addValue("at", Timestamp.from(at)));
    }

    private Leave map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Leave(rs.getLong("id"), rs.getLong("student_id"), rs.getString("student_name"),
                rs.getLong("class_id"), rs.getString("class_code"), rs.getString("class_name"),
                (Long) rs.getObject("guardian_id"), rs.getString("guardian_name"),
                rs.getDate("from_date").toLocalDate(), rs.getDate("to_date").toLocalDate(),
                DayPart.valueOf(rs.getString("day_part")), rs.getString("reason"), rs.getString("original_text"),
                rs.getString("state"), (Long) rs.getObject("decided_by"), decided == null ? null : decided.toInstant(),
                rs.getString("decision_note"), rs.getTimestamp("created_at").toInstant());
    }
}
