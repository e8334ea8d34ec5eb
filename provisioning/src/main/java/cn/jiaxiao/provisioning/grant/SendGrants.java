package cn.jiaxiao.provisioning.grant;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A head teacher decides which subject teachers may message his class's guardians (麻阳 rules §2①);
 * a subject teacher's role at a class alone is not enough.
 */
public class SendGrants {

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitRepository units;
    private final StaffAccountRepository accounts;
    private final AdminAuditLog audit;
    private final TransactionOperations tx;

    public SendGrants(NamedParameterJdbcTemplate jdbc, UnitRepository units, StaffAccountRepository accounts,
            AdminAuditLog audit, TransactionOperations tx) {
        this.jdbc = jdbc;
        this.units = units;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
    }

    public boolean isGranted(long classId, long accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from send_grant where class_id = :cls and account_id = :account)",
                Map.of("cls", classId, "account", accountId), Boolean.class));
    }

    public void grant(StaffAccount headTeacher, String classCode, String username) {
        Unit schoolClass = headTeachersClass(headTeacher, classCode);
        StaffAccount teacher = subjectTeacherOf(schoolClass, username);
        tx.executeWithoutResult(status -> {
            int added = jdbc.update("""
                    insert into send_grant (class_id, account_id, granted_by) values (:cls, :account, :by)
                    on conflict do nothing""",
                    Map.of("cls", schoolClass.id(), "account", teacher.id(), "by", headTeacher.id()));
            if (added > 0) {
                audit.record(headTeacher.id(), "SEND_GRANTED", "class", schoolClass.code(), null,
                        Map.of("teacher", teacher.username()));
            }
        });
    }

    public void revoke(StaffAccount headTeacher, String classCode, String username) {
        Unit schoolClass = headTeachersClass(headTeacher, classCode);
        StaffAccount teacher = accounts.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("账号不存在：" + username));
        tx.executeWithoutResult(status -> {
            int removed = jdbc.update("delete from send_grant where class_id = :cls and account_id = :account",
                    Map.of("cls", schoolClass.id(), "account", teacher.id()));
            if (removed > 0) {
                audit.record(headTeacher.id(), "SEND_REVOKED", "class", schoolClass.code(),
                        Map.of("teacher", teacher.username()), null);
            }
        });
    }

    /** Usernames of the subject teachers allowed to message the class. */
    public List<String> granted(StaffAccount reader, String classCode) {
        Unit schoolClass = classByCode(classCode);
        if (reader.roles().stream().noneMatch(r -> r.covers(schoolClass))) {
            throw ProblemException.notFound("班级不存在或不在您的管理范围内：" + classCode);
        }
        return jdbc.queryForList("""
                select a.username from send_grant g join staff_account a on a.id = g.account_id
                where g.class_id = :cls order by a.username""", Map.of("cls", schoolClass.id()), String.class);
    }

    private Unit headTeachersClass(StaffAccount headTeacher, String classCode) {
        Unit schoolClass = classByCode(classCode);
        if (!headTeacher.holds(Role.HEAD_TEACHER, schoolClass)) {
            throw ProblemException.forbidden("class", "只有 " + classCode + " 的班主任可以授权任课教师");
        }
        return schoolClass;
    }

    private StaffAccount subjectTeacherOf(Unit schoolClass, String username) {
        StaffAccount teacher = accounts.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> ProblemException.invalid("username", "账号不存在：" + username));
        if (!teacher.holds(Role.SUBJECT_TEACHER, schoolClass)) {
            throw ProblemException.invalid("username", username + " 不是 " + schoolClass.code() + " 的任课教师");
        }
        return teacher;
    }

    private Unit classByCode(String code) {
        return units.findByCode(code == null ? "" : code).filter(u -> u.kind() == UnitKind.CLASS)
                .orElseThrow(() -> ProblemException.notFound("班级不存在：" + code));
    }
}
