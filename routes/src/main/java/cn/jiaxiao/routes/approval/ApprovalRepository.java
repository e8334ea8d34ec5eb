package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

public class ApprovalRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public ApprovalRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertChain(long noticeId, List<StepRequirement> steps) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            StepRequirement step = steps.get(i);
            rows[i] = new MapSqlParameterSource().addValue("notice", noticeId).addValue("seq", i + 1)
                    .addValue("action", step.action().name()).addValue("role", step.role().name())
                    .addValue("unit", step.unit().id());
        }
        jdbc.batchUpdate("""
                insert into approval_step (notice_id, seq, action, role, unit_id)
                values (:notice, :seq, :action, :role, :unit)""", rows);
    }

    public List<ApprovalStep> chain(long noticeId) {
        return jdbc.query("""
                select s.notice_id, s.seq, s.action, s.role, s.unit_id, s.actor_id, a.display_name, s.decided_at,
                       s.content_hash
                from approval_step s left join staff_account a on a.id = s.actor_id
                where s.notice_id = :notice order by s.seq""", Map.of("notice", noticeId),
                (rs, n) -> {
                    Timestamp decided = rs.getTimestamp("decided_at");
                    return new ApprovalStep(rs.getLong("notice_id"), rs.getInt("seq"),
                            ApprovalAction.valueOf(rs.getString("action")), Role.valueOf(rs.getString("role")),
                            rs.getLong("unit_id"), (Long) rs.getObject("actor_id"), rs.getString("display_name"),
                            decided == null ? null : decided.toInstant(), rs.getString("content_hash"));
                });
    }

    public void decide(long noticeId, int seq, long actorId, String contentHash) {
        jdbc.update("""
                update approval_step set actor_id = :actor, decided_at = now(), content_hash = :hash
                where notice_id = :notice and seq = :seq and decided_at is null""",
                Map.of("actor", actorId, "hash", contentHash, "notice", noticeId, "seq", seq));
    }
}
