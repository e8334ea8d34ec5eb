package cn.jiaxiao.routes.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The {@code school_setting} rows: a value per setting name; no row means the configured default. */
public class SchoolSettingRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public SchoolSettingRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> all() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.query("select name, value from school_setting order by name", Map.of(),
                rs -> {
                    values.put(rs.getString("name"), rs.getString("value"));
                });
        return values;
    }

    /** The stored value, locked until the transaction ends, so that the audit's "before" is the one replaced. */
    public Optional<String> lock(String name) {
        List<String> found = jdbc.queryForList("select value from school_setting where name = :name for update",
                Map.of("name", name), String.class);
        return found.stream().findFirst();
    }

    public void put(String name, String value, long actorId) {
        jdbc.update("""
                insert into school_setting (name, value, updated_by) values (:name, :value, :actor)
                on conflict (name) do update set value = excluded.value, updated_by = excluded.updated_by,
                                                 updated_at = now()""",
                new MapSqlParameterSource().addValue("name", name).addValue("value", value).addValue("actor", actorId));
    }

    public boolean remove(String name) {
        return jdbc.update("delete from school_setting where name = :name", Map.of("name", name)) > 0;
    }
}
