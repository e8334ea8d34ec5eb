package cn.jiaxiao.routes.scope;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.RoleAssignment;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.grant.SendGrants;
import cn.jiaxiao.provisioning.group.RecipientGroup;
import cn.jiaxiao.provisioning.group.RecipientGroups;
import cn.jiaxiao.provisioning.people.GuardianScope;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.notice.Audience;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Decides what an account may reach (001 §3–4, 麻阳 rules §2): each part of an audience must lie in the
 * subtree of a unit where the sender holds a messaging role — for a subject teacher, only while the head
 * teacher allows it. Checked on the server for every notice, whatever a client shows; the first part out
 * of scope refuses the whole notice.
 */
public class AudienceScope {

    /** Roles that message guardians within their unit's subtree. */
    private static final Set<Role> GUARDIAN_MESSAGING = EnumSet.of(Role.HEAD_TEACHER, Role.SUBJECT_TEACHER,
            Role.GRADE_LEADER, Role.STUDENT_WORK_LEADER, Role.OFFICE_SENDER, Role.PRINCIPAL,
            Role.STUDENT_AFFAIRS_HEAD);
    /** School leaders and offices: their messages to the whole school go out through the principal's office. */
    private static final Set<Role> SCHOOL_WIDE = EnumSet.of(Role.OFFICE_SENDER, Role.PRINCIPAL,
            Role.STUDENT_AFFAIRS_HEAD);
    /** Every teacher may message all teachers (麻阳 rules §2①②). */
    private static final Set<Role> ALL_TEACHERS = GUARDIAN_MESSAGING;
    /** Staff of a department or office may be messaged by whoever holds one of these over it. */
    private static final Set<Role> STAFF_MESSAGING = EnumSet.of(Role.OFFICE_SENDER, Role.PRINCIPAL,
            Role.STUDENT_AFFAIRS_HEAD, Role.DEPARTMENT_HEAD);

    private final UnitRepository units;
    private final NamedParameterJdbcTemplate jdbc;
    private final SendGrants grants;
    private final RecipientGroups groups;
    private final GuardianScope guardianScope;

    public AudienceScope(UnitRepository units, NamedParameterJdbcTemplate jdbc, SendGrants grants,
            RecipientGroups groups, GuardianScope guardianScope) {
        this.units = units;
        this.jdbc = jdbc;
        this.grants = grants;
        this.groups = groups;
        this.guardianScope = guardianScope;
    }

    public ResolvedAudience resolve(StaffAccount sender, Audience audience) {
        return resolve(sender, audience, false);
    }

    /**
     * With {@code filedRequest}, a department's designated sender may name any audience within the school:
     * his request goes through the department head, the principal and student affairs before it is sent.
     */
    public ResolvedAudience resolve(StaffAccount sender, Audience audience, boolean filedRequest) {
        boolean filed = filedRequest && sender.holds(Role.DEPARTMENT_SENDER);
        if (audience == null || audience.isEmpty()) {
            throw ProblemException.invalid("audience", "请选择通知对象（班级、年级、用户组、全校或全体教师）");
        }
        Map<Long, Unit> classes = new LinkedHashMap<>();
        Set<Long> guardians = new LinkedHashSet<>();
        Set<Long> staff = new LinkedHashSet<>();
        List<Unit> levelParts = new ArrayList<>();

        for (String code : audience.classes()) {
            Unit schoolClass = units.findByCode(code).filter(u -> u.kind() == UnitKind.CLASS)
                    .orElseThrow(() -> ProblemException.invalid("audience.classes", "未知班级：" + code));
            if (!filed && !maySendToGuardiansOf(sender, schoolClass)) {
                throw ProblemException.forbidden("audience.classes", "无权向班级 " + code + " 发送通知：超出账号管理范围"
                        + (sender.holds(Role.SUBJECT_TEACHER, schoolClass) ? "（需班主任授权）" : ""));
            }
            classes.put(schoolClass.id(), schoolClass);
        }
        for (String code : audience.units()) {
            Unit unit = units.findByCode(code)
                    .orElseThrow(() -> ProblemException.invalid("audience.units", "未知单位：" + code));
            if (unit.kind() == UnitKind.DEPARTMENT || unit.kind() == UnitKind.OFFICE) {
                if (!filed && !holdsAny(sender, STAFF_MESSAGING, unit)) {
                    throw ProblemException.forbidden("audience.units", "无权向 " + unit.name() + "（" + code + "）的教职工发送通知");
                }
                staff.addAll(staffOf(unit));
                levelParts.add(unit);
            } else {
                if (!filed && !maySendToGuardiansOf(sender, unit)) {
                    throw ProblemException.forbidden("audience.units", "无权向单位 " + unit.name() + "（" + code
                            + "）发送通知：超出账号管理范围");
                }
                classesBelow(unit).forEach(c -> classes.put(c.id(), c));
            }
        }
        for (Long groupId : audience.groups()) {
            RecipientGroup group = groups.owned(sender, groupId, "audience.groups");
            for (Long guardian : group.guardianIds()) {
                if (!guardianScope.reaches(sender, guardian)) {
                    throw ProblemException.forbidden("audience.groups", "用户组 " + groupId + " 中有家长已不在您的管理范围内");
                }
                guardians.add(guardian);
            }
            if (!group.staffIds().isEmpty() && !maySendToAllTeachers(sender)) {
                throw ProblemException.forbidden("audience.groups", "无权向用户组 " + groupId + " 中的教职工发送通知");
            }
            staff.addAll(group.staffIds());
        }
        if (audience.school()) {
            Unit school = root();
            if (!filed && !holdsAny(sender, SCHOOL_WIDE, school)) {
                throw ProblemException.forbidden("audience.school", sender.holds(Role.DEPARTMENT_SENDER)
                        ? "部门通知须以书面申请提交（填写 requestReason），经审批登记后发送"
                        : "无权向全校家长发送通知，请通过校办室发送");
            }
            classesBelow(school).forEach(c -> classes.put(c.id(), c));
        }
        if (audience.allTeachers()) {
            if (!filed && !maySendToAllTeachers(sender)) {
                throw ProblemException.forbidden("audience.allTeachers", "无权向全体教师发送通知");
            }
            staff.addAll(jdbc.queryForList("select id from staff_account where status = 'ACTIVE' order by id",
                    Map.of(), Long.class));
        }
        staff.remove(sender.id());

        levelParts.addAll(classes.values());
        levelParts.addAll(classesOfGuardians(guardians));
        if (!staff.isEmpty()) {
            // A message to colleagues speaks at the sender's own level.
            levelParts.add(units.findById(sender.unitId()).orElseThrow());
        }
        if (classes.isEmpty() && guardians.isEmpty() && staff.isEmpty()) {
            throw ProblemException.invalid("audience", "所选对象下没有可发送的人");
        }
        return new ResolvedAudience(new ArrayList<>(classes.values()), new ArrayList<>(guardians),
                new ArrayList<>(staff), lowestCommonUnit(levelParts));
    }

    /** Whether the account may read what concerns all of these classes. */
    public boolean covers(StaffAccount reader, List<Unit> classes) {
        return !classes.isEmpty() && classes.stream().allMatch(c -> reader.roles().stream().anyMatch(r -> r.covers(c)));
    }

    private boolean maySendToGuardiansOf(StaffAccount sender, Unit target) {
        for (RoleAssignment role : sender.roles()) {
            if (!GUARDIAN_MESSAGING.contains(role.role()) || !role.covers(target)) {
                continue;
            }
            if (role.role() != Role.SUBJECT_TEACHER) {
                return true;
            }
            if (target.kind() == UnitKind.CLASS && grants.isGranted(target.id(), sender.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean maySendToAllTeachers(StaffAccount sender) {
        return sender.roles().stream().anyMatch(r -> ALL_TEACHERS.contains(r.role()));
    }

    private static boolean holdsAny(StaffAccount sender, Set<Role> roles, Unit target) {
        return roles.stream().anyMatch(role -> sender.holds(role, target));
    }

    private List<Long> staffOf(Unit unit) {
        return jdbc.queryForList("""
                select a.id from staff_account a join unit u on u.id = a.unit_id
                where a.status = 'ACTIVE' and u.path like :prefix order by a.id""",
                Map.of("prefix", unit.path() + "%"), Long.class);
    }

    private List<Unit> classesOfGuardians(Set<Long> guardians) {
        if (guardians.isEmpty()) {
            return List.of();
        }
        return units.findByIds(jdbc.queryForList("""
                select distinct s.class_id from guardian_student gs join student s on s.id = gs.student_id
                where gs.guardian_id in (:ids)""", Map.of("ids", guardians), Long.class));
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

    private Unit lowestCommonUnit(List<Unit> parts) {
        String common = parts.get(0).path();
        for (Unit unit : parts) {
            while (!unit.path().startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        String[] ids = common.split("/");
        return units.findById(Long.parseLong(ids[ids.length - 1])).orElseThrow();
    }
}
