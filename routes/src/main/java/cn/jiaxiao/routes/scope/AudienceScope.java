package cn.jiaxiao.routes.scope;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.notice.Audience;
import cn.jiaxiao.routes.problem.ProblemException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Decides what an account may reach (001 §3–4): each part of an audience must lie in the subtree of a
 * unit where the sender holds a messaging role. Checked on the server for every notice, whatever a
 * client shows.
 */
public class AudienceScope {

    private static final Set<Role> MESSAGING_ROLES = EnumSet.of(Role.HEAD_TEACHER, Role.SUBJECT_TEACHER,
            Role.GRADE_LEADER, Role.STUDENT_WORK_LEADER, Role.OFFICE_SENDER, Role.PRINCIPAL,
            Role.STUDENT_AFFAIRS_HEAD);
    private static final Set<Role> SCHOOL_WIDE_ROLES = EnumSet.of(Role.OFFICE_SENDER, Role.PRINCIPAL,
            Role.STUDENT_AFFAIRS_HEAD);

    private final UnitRepository units;
    private final NamedParameterJdbcTemplate jdbc;

    public AudienceScope(UnitRepository units, NamedParameterJdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    public ResolvedAudience resolve(StaffAccount sender, Audience audience) {
        if (audience == null || audience.isEmpty()) {
            throw ProblemException.invalid("audience", "请选择通知对象（班级、年级或全校）");
        }
        if (!audience.groups().isEmpty()) {
            throw ProblemException.invalid("audience.groups", "自建用户组暂未开放");
        }
        if (audience.allTeachers()) {
            throw ProblemException.invalid("audience.allTeachers", "向全体教师发送暂未开放");
        }
        Map<Long, Unit> classes = new LinkedHashMap<>();
        for (String code : audience.classes()) {
            Unit schoolClass = units.findByCode(code).filter(u -> u.kind() == UnitKind.CLASS)
                    .orElseThrow(() -> ProblemException.invalid("audience.classes", "未知班级：" + code));
            requireMessaging(sender, schoolClass, "audience.classes", "班级 " + code);
            classes.put(schoolClass.id(), schoolClass);
        }
        for (String code : audience.units()) {
            Unit unit = units.findByCode(code)
                    .orElseThrow(() -> ProblemException.invalid("audience.units", "未知单位：" + code));
            requireMessaging(sender, unit, "audience.units", "单位 " + code);
            classesBelow(unit).forEach(c -> classes.put(c.id(), c));
        }
        if (audience.school()) {
            Unit school = root();
            if (SCHOOL_WIDE_ROLES.stream().noneMatch(role -> sender.holds(role, school))) {
                throw ProblemException.forbidden("audience.school", "无权向全校家长发送通知，请通过校办室发送");
            }
            classesBelow(school).forEach(c -> classes.put(c.id(), c));
        }
        if (classes.isEmpty()) {
            throw ProblemException.invalid("audience", "所选对象下没有班级");
        }
        List<Unit> resolved = new ArrayList<>(classes.values());
        return new ResolvedAudience(resolved, lowestCommonUnit(resolved));
    }

    /** Whether the account may read what concerns all of these classes. */
    public boolean covers(StaffAccount reader, List<Unit> classes) {
        return !classes.isEmpty() && classes.stream().allMatch(c -> reader.roles().stream().anyMatch(r -> r.covers(c)));
    }

    private static void requireMessaging(StaffAccount sender, Unit target, String field, String what) {
        boolean allowed = MESSAGING_ROLES.stream().anyMatch(role -> sender.holds(role, target));
        if (!allowed) {
            throw ProblemException.forbidden(field, "无权向" + what + "发送通知：超出账号管理范围");
        }
    }

    private List<Unit> classesBelow(Unit unit) {
        if (unit.kind() == UnitKind.CLASS) {
            return List.of(unit);
        }
        List<Long> ids = jdbc.queryForList(
                "select id from unit where kind = 'CLASS' and path like :prefix order by code",
                Map.of("prefix", unit.path() + "%"), Long.class);
        return units.findByIds(ids);
    }

    private Unit root() {
        Long id = jdbc.queryForObject("select id from unit where parent_id is null order by id limit 1", Map.of(),
                Long.class);
        return units.findById(id).orElseThrow();
    }

    private Unit lowestCommonUnit(List<Unit> classes) {
        String common = classes.get(0).path();
        for (Unit c : classes) {
            while (!c.path().startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        String[] ids = common.split("/");
        return units.findById(Long.parseLong(ids[ids.length - 1])).orElseThrow();
    }
}
