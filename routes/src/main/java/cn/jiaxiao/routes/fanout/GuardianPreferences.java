package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.routes.notice.Channel;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What a guardian asked for: the channels he wants notices on, and his language. */
public class GuardianPreferences {

    public record Preference(long guardianId, java.util.List<Channel> channels, String language) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public GuardianPreferences(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Preference> find(long guardianId) {
        return jdbc.query("select channels, language from guardian_preference where guardian_id = :id",
                Map.of("id", guardianId), (rs, n) -> new Preference(guardianId, java.util.Arrays.stream(
                        rs.getString("channels").split(",")).filter(c -> !c.isBlank()).map(Channel::valueOf).toList(),
                        rs.getString("language"))).stream().findFirst();
    }

    public void save(long guardianId, Collection<Channel> channels, String language) {
        jdbc.update("""
                insert into guardian_preference (guardian_id, channels, language) values (:id, :channels, :language)
                on conflict (guardian_id) do update set channels = excluded.channels, language = excluded.language,
                    updated_at = now()""",
                new MapSqlParameterSource().addValue("id", guardianId)
                        .addValue("channels", channels.stream().map(Enum::name).collect(Collectors.joining(",")))
                        .addValue("language", language));
    }
}
