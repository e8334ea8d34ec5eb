package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The chains of approval, one round per submission. */
public class ApprovalRepository {

    private static final String COLUMNS = """
            s.notice_id, s.round, s.seq, s.action, s.role, s.unit_id, s.actor_id, a.display_name, s.decided_at,
            s.content_hash, s.comment, s.created_at, s.escalated_at""";

    private final NamedParameterJdbcTemplate jdbc;

    public ApprovalRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertChain(long noticeId, int round, List<StepRequirement> steps) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            StepRequirement step = steps.get(i);
            rows[i] = new MapSqlParameterSource().addValue("notice", noticeId).addValue("round", round)
                    .addValue("seq", i + 1).addValue("action", step.action().name())
                    .addValue("role", step.role().name()).addValue("unit", step.unit().id());
        }
        jdbc.batchUpdate("""
                insert into approval_step (notice_id, round, seq, action, role, unit_id)
                values (:notice, :round, :seq, :action, :role, :unit)""", rows);
    }

    /** The chain of the notice's current round. */
    public List<ApprovalStep> chain(long noticeId) {
        return jdbc.query("select " + COLUMNS + """
                 from approval_step s join notice n on n.id = s.notice_id and s.round = n.approval_round
                left join staff_account a on a.id = s.actor_id
                where s.notice_id = :notice order by s.seq""", Map.of("notice", noticeId), ApprovalRepository::map);
    }

    public Optional<ApprovalStep> current(long noticeId) {
        return chain(noticeId).stream().filter(s -> !s.decided()).findFirst();
    }

    public void decide(ApprovalStep step, long actorId, String contentHash, String comment) {
        jdbc.update("""
                update approval_step set actor_id = :actor, decided_at = now(), content_hash = :hash, comment = :comment
                where notice_id = :notice and round = :round and seq = :seq and decided_at is null""",
                new MapSqlParameterSource().addValue("actor", actorId).addValue("hash", contentHash)
                        .addValue("comment", comment).addValue("notice", step.noticeId())
                        .addValue("round", step.round()).addValue("seq", step.seq()));
    }

    /** Hands an undecided step to another role and unit: the next level up. */
    /**
     * @return whether this call escalated the step: false when it was decided or escalated meanwhile (by another
     *         gateway instance's escalation timer, say), so that each escalation is recorded once
     */
    public boolean escalate(ApprovalStep step, Role role, long unitId) {
        return jdbc.update("""
                update approval_step set role = :role, unit_id = :unit, escalated_at = now(), created_at = now()
                where notice_id = :notice and round = :round and seq = :seq and decided_at is null
                  and role = :from and unit_id = :fromUnit""",
                Map.of("role", role.name(), "unit", unitId, "notice", step.noticeId(), "round", step.round(),
                        "seq", step.seq(), "from", step.role().name(), "fromUnit", step.unitId())) == 1;
    }

    /** Undecided current steps waiting since before {@code cutoff}, oldest first. */
    public List<ApprovalStep> waitingSince(Instant cutoff) {
        return currentUndecided(Timestamp.from(cutoff));
    }

    /** Current undecided steps of pending notices: the approvers' inboxes are drawn from these. */
    public List<ApprovalStep> openSteps() {
        return currentUndecided(null);
    }

    /** The first undecided step of each pending notice's current round; with a cutoff, only older ones. */
    private List<ApprovalStep> currentUndecided(Timestamp cutoff) {
        return jdbc.query("select " + COLUMNS + """
                 from approval_step s join notice n on n.id = s.notice_id and s.round = n.approval_round
                left join staff_account a on a.id = s.actor_id
                where s.decided_at is null and (cast(:cutoff as timestamptz) is null or s.created_at < :cutoff)
                  and n.status in ('PENDING_REVIEW', 'PENDING_APPROVAL')
                  and s.seq = (select min(x.seq) from approval_step x where x.notice_id = s.notice_id
                               and x.round = s.round and x.decided_at is null)
                order by s.created_at""", new MapSqlParameterSource("cutoff", cutoff), ApprovalRepository::map);
    }

    private static ApprovalStep map(ResultSet rs, int row) throws SQLException {
        return new ApprovalStep(rs.getLong("notice_id"), rs.getInt("round"), rs.getInt("seq"),
                ApprovalAction.valueOf(rs.getString("action")), Role.valueOf(rs.getString("role")),
                rs.getLong("unit_id"), (Long) rs.getObject("actor_id"), rs.getString("display_name"),
                instant(rs.getTimestamp("decided_at")), rs.getString("content_hash"), rs.getString("comment"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("escalated_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
