package cn.jiaxiao.provisioning.unit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

public class UnitRepository {

    private static final String COLUMNS = "id, code, name, kind, parent_id, path";
    private static final RowMapper<Unit> ROW = (rs, n) -> new Unit(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), (Long) rs.getObject("parent_id"),
            rs.getString("path"));

    private final NamedParameterJdbcTemplate jdbc;

    public UnitRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Unit> findByCode(String code) {
        return jdbc.query("select " + COLUMNS + " from unit where code = :code", Map.of("code", code), ROW)
                .stream().findFirst();
    }

    public Optional<Unit> findById(long id) {
        return jdbc.query("select " + COLUMNS + " from unit where id = :id", Map.of("id", id), ROW)
                .stream().findFirst();
    }

    public List<Unit> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from unit where id in (:ids)", Map.of("ids", ids), ROW);
    }

    public boolean isEmpty() {
        return Boolean.FALSE.equals(jdbc.queryForObject("select exists(select 1 from unit)", Map.of(), Boolean.class));
    }

    /** The unit and its ancestors, root first. */
    public List<Unit> lineage(Unit unit) {
        List<Long> ids = java.util.Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        List<Unit> found = findByIds(ids);
        return ids.stream().map(id -> found.stream().filter(u -> u.id() == id).findFirst().orElseThrow()).toList();
    }

    public Unit create(String code, String name, UnitKind kind, Unit parent) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("code", code).addValue("name", name).addValue("kind", kind.name())
                .addValue("parent", parent == null ? null : parent.id());
        jdbc.update("insert into unit (code, name, kind, parent_id, path) values (:code, :name, :kind, :parent, '/')",
                params, keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.update("update unit set path = :path where id = :id", Map.of("path", path, "id", id));
        return new Unit(id, code, name, kind, parent == null ? null : parent.id(), path);
    }
}
