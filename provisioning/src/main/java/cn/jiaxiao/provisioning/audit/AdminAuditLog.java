package cn.jiaxiao.provisioning.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The append-only record of administrative changes (accounts, roles, grants, contact points). The table
 * refuses updates and deletes; callers pass contact points already masked.
 */
public class AdminAuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;

    public AdminAuditLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Long actorId, String action, String targetType, String target, Map<String, ?> before,
            Map<String, ?> after) {
        jdbc.update("""
                insert into admin_audit (actor_id, action, target_type, target, before, after)
                values (:actor, :action, :type, :target, cast(:before as jsonb), cast(:after as jsonb))""",
                new MapSqlParameterSource().addValue("actor", actorId).addValue("action", action)
                        .addValue("type", targetType).addValue("target", target)
                        .addValue("before", json(before)).addValue("after", json(after)));
    }

    public List<Entry> recent(int limit) {
        return jdbc.query("""
                select a.id, s.username, a.action, a.target_type, a.target, a.before::text as before,
                       a.after::text as after, a.at
                from admin_audit a left join staff_account s on s.id = a.actor_id
                order by a.id desc limit :limit""", Map.of("limit", limit),
                (rs, n) -> new Entry(rs.getLong("id"), rs.getString("username"), rs.getString("action"),
                        rs.getString("target_type"), rs.getString("target"), rs.getString("before"),
                        rs.getString("after"), instant(rs.getTimestamp("at"))));
    }

    public record Entry(long id, String actor, String action, String targetType, String target, String before,
            String after, Instant at) {
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static String json(Map<String, ?> value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit value not serialisable", e);
        }
    }
}
