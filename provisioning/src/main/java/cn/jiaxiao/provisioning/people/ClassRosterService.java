package cn.jiaxiao.provisioning.people;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A class's students and their guardians, as the people in scope see them (contact points masked), and as
 * the head teacher keeps them (麻阳 rules §2①: adds and removes students, changes guardians' numbers). The
 * account manager of a level above the class may do the same: he keeps that level's roster (the file import).
 */
public class ClassRosterService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitRepository units;
    private final ContactCipher cipher;
    private final RosterWriter writer;
    private final AdminAuditLog audit;
    private final TransactionOperations tx;

    public ClassRosterService(NamedParameterJdbcTemplate jdbc, UnitRepository units, ContactCipher cipher,
            RosterWriter writer, AdminAuditLog audit, TransactionOperations tx) {
        this.jdbc = jdbc;
        this.units = units;
        this.cipher = cipher;
        this.writer = writer;
        this.audit = audit;
        this.tx = tx;
    }

    public record GuardianView(long id, String name, String relation, String mobile, String email) {
    }

    public record StudentView(long id, String studentNo, String name, String classCode, List<GuardianView> guardians) {
    }

    public record NewGuardian(String name, String relation, String mobile, String email) {
    }

    public record NewStudent(String studentNo, String name, List<NewGuardian> guardians) {
    }

    public List<StudentView> students(StaffAccount reader, String classCode) {
        Unit schoolClass = visibleClass(reader, classCode);
        Map<Long, StudentView> students = new LinkedHashMap<>();
        Map<Long, List<GuardianView>> guardians = new HashMap<>();
        jdbc.query("""
                select s.id, s.student_no, s.name, g.id as guardian_id, g.name as guardian_name, gs.relation,
                       g.mobile_enc, g.email_enc
                from student s
                left join guardian_student gs on gs.student_id = s.id
                left join guardian g on g.id = gs.guardian_id
                where s.class_id = :cls order by s.student_no, g.id""", Map.of("cls", schoolClass.id()),
                rs -> {
                    long id = rs.getLong("id");
                    students.computeIfAbsent(id, k -> new StudentView(id, uncheckedString(rs, "student_no"),
                            uncheckedString(rs, "name"), schoolClass.code(), List.of()));
                    long guardianId = rs.getLong("guardian_id");
                    if (!rs.wasNull()) {
                        guardians.computeIfAbsent(id, k -> new ArrayList<>()).add(new GuardianView(guardianId,
                                rs.getString("guardian_name"), rs.getString("relation"),
                                maskedMobile(rs.getBytes("mobile_enc")), maskedEmail(rs.getBytes("email_enc"))));
                    }
                });
        return students.values().stream().map(s -> new StudentView(s.id(), s.studentNo(), s.name(), s.classCode(),
                guardians.getOrDefault(s.id(), List.of()))).toList();
    }

    public StudentView addStudent(StaffAccount headTeacher, String classCode, NewStudent request) {
        Unit schoolClass = headTeachersClass(headTeacher, classCode);
        if (request.studentNo() == null || !request.studentNo().matches("[0-9A-Za-z-]{1,32}")) {
            throw ProblemException.invalid("studentNo", "学号须为 1–32 位字母或数字");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 50) {
            throw ProblemException.invalid("name", "请填写学生姓名（不超过 50 字）");
        }
        List<NewGuardian> guardians = request.guardians() == null ? List.of() : request.guardians();
        List<MobileNumber> mobiles = new ArrayList<>();
        for (int i = 0; i < guardians.size(); i++) {
            NewGuardian g = guardians.get(i);
            if (g.name() == null || g.name().isBlank()) {
                throw ProblemException.invalid("guardians[" + i + "].name", "请填写家长姓名");
            }
            mobiles.add(mobile("guardians[" + i + "].mobile", g.mobile()));
            email("guardians[" + i + "].email", g.email());
        }
        long studentId;
        try {
            studentId = tx.execute(status -> {
                long id = writer.addStudent(schoolClass, request.studentNo(), request.name().trim());
                for (int i = 0; i < guardians.size(); i++) {
                    NewGuardian g = guardians.get(i);
                    long guardianId = existingGuardian(mobiles.get(i))
                            .orElseGet(() -> writer.addGuardian(g.name().trim(), null, blankToNull(g.email())));
                    if (mobiles.get(i) != null) {
                        setMobile(guardianId, mobiles.get(i));
                    }
                    writer.link(guardianId, id, g.relation() == null || g.relation().isBlank() ? "家长" : g.relation());
                }
                audit.record(headTeacher.id(), "STUDENT_ADDED", "class", schoolClass.code(), null,
                        Map.of("studentNo", request.studentNo(), "name", request.name().trim(),
                                "guardians", mobiles.stream().map(m -> m == null ? "-" : m.masked()).toList()));
                return id;
            });
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("学号已存在：" + request.studentNo());
        }
        return students(headTeacher, classCode).stream().filter(s -> s.id() == studentId).findFirst().orElseThrow();
    }

    public void removeStudent(StaffAccount headTeacher, long studentId) {
        Map<String, Object> student = studentRow(studentId);
        Unit schoolClass = units.findById(((Number) student.get("class_id")).longValue()).orElseThrow();
        if (!keepsRoster(headTeacher, schoolClass)) {
            throw ProblemException.forbidden("studentId", "只有本班班主任或本级账号管理员可以移除本班学生");
        }
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from student where id = :id", Map.of("id", studentId));
            audit.record(headTeacher.id(), "STUDENT_REMOVED", "class", schoolClass.code(),
                    Map.of("studentNo", student.get("student_no"), "name", student.get("name")), null);
        });
    }

    /** A head teacher changes the contact points of a guardian of his class; before and after are audited masked. */
    public GuardianView updateContact(StaffAccount headTeacher, long guardianId, String newMobile, String newEmail) {
        List<Unit> classes = units.findByIds(jdbc.queryForList("""
                select distinct s.class_id from guardian_student gs join student s on s.id = gs.student_id
                where gs.guardian_id = :g""", Map.of("g", guardianId), Long.class));
        if (classes.stream().noneMatch(c -> keepsRoster(headTeacher, c))) {
            throw ProblemException.notFound("家长不存在或不是您班学生的家长");
        }
        MobileNumber mobile = mobile("mobile", newMobile);
        email("email", newEmail);
        Map<String, Object> before = contactOf(guardianId);
        tx.executeWithoutResult(status -> {
            if (mobile != null) {
                existingGuardian(mobile).filter(other -> other != guardianId).ifPresent(other -> {
                    throw ProblemException.conflict("该手机号码已登记在另一位家长名下");
                });
                setMobile(guardianId, mobile);
            }
            if (newEmail != null) {
                jdbc.update("update guardian set email_enc = :enc where id = :id",
                        new MapSqlParameterSource()
                                .addValue("enc", cipher.encrypt(blankToNull(newEmail))).addValue("id", guardianId));
            }
            audit.record(headTeacher.id(), "GUARDIAN_CONTACT_CHANGED", "guardian", String.valueOf(guardianId),
                    before, contactOf(guardianId));
        });
        Map<String, Object> after = contactOf(guardianId);
        return new GuardianView(guardianId, (String) after.get("name"), null, (String) after.get("mobile"),
                (String) after.get("email"));
    }

    private Unit visibleClass(StaffAccount reader, String classCode) {
        Unit schoolClass = units.findByCode(classCode == null ? "" : classCode)
                .filter(u -> u.kind() == UnitKind.CLASS)
                .orElseThrow(() -> ProblemException.notFound("班级不存在或不在您的管理范围内：" + classCode));
        if (!GuardianScope.covers(reader, schoolClass)) {
            throw ProblemException.notFound("班级不存在或不在您的管理范围内：" + classCode);
        }
        return schoolClass;
    }

    private Unit headTeachersClass(StaffAccount headTeacher, String classCode) {
        Unit schoolClass = visibleClass(headTeacher, classCode);
        if (!keepsRoster(headTeacher, schoolClass)) {
            throw ProblemException.forbidden("class", "只有 " + classCode + " 的班主任或本级账号管理员可以管理本班学生");
        }
        return schoolClass;
    }

    private static boolean keepsRoster(StaffAccount account, Unit schoolClass) {
        return account.holds(Role.HEAD_TEACHER, schoolClass) || account.holds(Role.ACCOUNT_MANAGER, schoolClass);
    }

    private Map<String, Object> studentRow(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, class_id, student_no, name from student where id = :id", Map.of("id", id));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("学生不存在");
        }
        return rows.get(0);
    }

    private Map<String, Object> contactOf(long guardianId) {
        Map<String, Object> row = jdbc.queryForMap("select name, mobile_enc, email_enc from guardian where id = :id",
                Map.of("id", guardianId));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", row.get("name"));
        contact.put("mobile", maskedMobile((byte[]) row.get("mobile_enc")));
        contact.put("email", maskedEmail((byte[]) row.get("email_enc")));
        return contact;
    }

    private Optional<Long> existingGuardian(MobileNumber mobile) {
        if (mobile == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select id from guardian where mobile_hash = :hash",
                new MapSqlParameterSource()
                        .addValue("hash", cipher.lookupHash(mobile.e164())), Long.class).stream().findFirst();
    }

    private void setMobile(long guardianId, MobileNumber mobile) {
        jdbc.update("update guardian set mobile_enc = :enc, mobile_hash = :hash where id = :id",
                new MapSqlParameterSource()
                        .addValue("enc", cipher.encrypt(mobile.e164()))
                        .addValue("hash", cipher.lookupHash(mobile.e164())).addValue("id", guardianId));
    }

    private String maskedMobile(byte[] sealed) {
        String e164 = cipher.decrypt(sealed);
        return e164 == null ? null : MobileNumber.mask(e164);
    }

    private String maskedEmail(byte[] sealed) {
        String email = cipher.decrypt(sealed);
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }

    private static MobileNumber mobile(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return MobileNumber.parse(value).orElseThrow(() -> ProblemException.invalid(field, "手机号码格式不正确"));
    }

    private static void email(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value.trim()).matches()) {
            throw ProblemException.invalid(field, "电子邮箱格式不正确");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String uncheckedString(java.sql.ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
