package cn.jiaxiao.routes.quota;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The quotas account managers have set ({@code sms_quota}), over the configured defaults. */
public class QuotaSettings {

    private final NamedParameterJdbcTemplate jdbc;
    private final QuotaDefaults defaults;

    public QuotaSettings(NamedParameterJdbcTemplate jdbc, QuotaDefaults defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    /** A row as stored: the limits and, on the school unit, the per-recipient cap. */
    public record Setting(QuotaLimits limits, Integer recipientDailyMessages) {
    }

    public QuotaDefaults defaults() {
        return defaults;
    }

    /** The limits in force: the manager's setting, or the default. */
    public QuotaLimits limits(QuotaScope scope, long targetId) {
        return find(scope, targetId).map(Setting::limits).orElseGet(() -> defaults.forScope(scope));
    }

    public Optional<Setting> find(QuotaScope scope, long targetId) {
        return jdbc.query("""
                select daily_sms, monthly_sms, recipient_daily_messages from sms_quota
                where scope = :scope and target_id = :id""", Map.of("scope", scope.name(), "id", targetId),
                (rs, n) -> new Setting(new QuotaLimits((Integer) rs.getObject("daily_sms"),
                        (Integer) rs.getObject("monthly_sms")), (Integer) rs.getObject("recipient_daily_messages")))
                .stream().findFirst();
    }

    public void save(QuotaScope scope, long targetId, Setting setting, long actorId) {
        jdbc.update("""
                insert into sms_quota (scope, target_id, daily_sms, monthly_sms, recipient_daily_messages, updated_by)
                values (:scope, :id, :daily, :monthly, :recipients, :actor)
                on conflict (scope, target_id) do update set daily_sms = excluded.daily_sms,
                  monthly_sms = excluded.monthly_sms, recipient_daily_messages = excluded.recipient_daily_messages,
                  updated_by = excluded.updated_by, updated_at = now()""",
                new MapSqlParameterSource().addValue("scope", scope.name()).addValue("id", targetId)
                        .addValue("daily", setting.limits().dailySms())
                        .addValue("monthly", setting.limits().monthlySms())
                        .addValue("recipients", setting.recipientDailyMessages()).addValue("actor", actorId));
    }

    public boolean delete(QuotaScope scope, long targetId) {
        return jdbc.update("delete from sms_quota where scope = :scope and target_id = :id",
                Map.of("scope", scope.name(), "id", targetId)) > 0;
    }

    /** N of the per-recipient cap: the school unit's setting, or the default. */
    public int recipientDailyMessages() {
        Integer set = jdbc.query("""
                select q.recipient_daily_messages from sms_quota q join unit u on u.id = q.target_id
                where q.scope = 'UNIT' and u.parent_id is null and q.recipient_daily_messages is not null""",
                (rs, n) -> rs.getInt(1)).stream().findFirst().orElse(null);
        return set != null ? set : defaults.recipientDailyMessages();
    }
}
