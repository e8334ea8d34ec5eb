package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Turns what a file writes in its class column (a unit code like {@code 7-1} or a class name like
 * {@code 七年级1班}) into a class unit, and says whether the importer's scope covers it. The tree is small
 * (a school has tens of units), so it is read whole, once per import.
 */
final class ClassDirectory {

    /** A class column value resolved: the unit, or why not. */
    record Resolution(Unit unit, String error) {
    }

    private final Unit scope;
    private final Map<Long, Unit> byId = new HashMap<>();
    private final Map<String, Unit> byCode = new HashMap<>();
    private final Map<String, List<Unit>> byName = new HashMap<>();
    private final Map<String, Resolution> resolved = new HashMap<>();

    private ClassDirectory(Unit scope, List<Unit> units) {
        this.scope = scope;
        for (Unit unit : units) {
            byId.put(unit.id(), unit);
            byCode.put(key(unit.code()), unit);
            byName.computeIfAbsent(key(unit.name()), k -> new java.util.ArrayList<>()).add(unit);
        }
    }

    static ClassDirectory load(NamedParameterJdbcTemplate jdbc, Unit scope) {
        List<Unit> units = jdbc.query("select id, code, name, kind, parent_id, path from unit", Map.of(),
                (rs, n) -> new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        UnitKind.valueOf(rs.getString("kind")), (Long) rs.getObject("parent_id"),
                        rs.getString("path")));
        return new ClassDirectory(scope, units);
    }

    Unit scope() {
        return scope;
    }

    Unit byId(long id) {
        return byId.get(id);
    }

    boolean inScope(Unit unit) {
        return unit != null && scope.contains(unit);
    }

    Resolution resolve(String classRef) {
        return resolved.computeIfAbsent(key(classRef), this::lookUp);
    }

    private Resolution lookUp(String ref) {
        Unit unit = byCode.get(ref);
        if (unit == null) {
            List<Unit> named = byName.getOrDefault(ref, List.of());
            if (named.size() > 1) {
                return new Resolution(null, "班级名称“" + ref + "”对应多个班级，请填写班级代码");
            }
            unit = named.isEmpty() ? null : named.get(0);
        }
        if (unit == null) {
            return new Resolution(null, "班级“" + ref + "”不存在");
        }
        if (unit.kind() != UnitKind.CLASS) {
            return new Resolution(null, "“" + unit.name() + "”不是班级");
        }
        if (!scope.contains(unit)) {
            return new Resolution(null, "班级“" + unit.name() + "”不在您的管理范围（" + scope.name() + "）内");
        }
        return new Resolution(unit, null);
    }

    private static String key(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
