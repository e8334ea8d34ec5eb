package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.roster.ValidatedRoster.ValidLine;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks each line on its own (required cells, class, mobile, e-mail, lengths the schema allows) and against
 * the lines before it (a student number or a mobile number meaning two different people). Every problem of
 * a line is reported; a line with any problem takes no part in the plan.
 */
final class LineValidator {

    /** Said of a guardian when the file leaves the relation blank: the link needs one. */
    static final String DEFAULT_RELATION = "家长";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final int MAX_STUDENT_NO = 32;
    private static final int MAX_NAME = 50;
    private static final int MAX_RELATION = 20;
    private static final int MAX_EMAIL = 100;
    private static final int PROGRESS_EVERY = 1_000;

    private record FirstStudent(int lineNo, String name, Unit schoolClass) {
    }

    private record FirstGuardian(int lineNo, String name) {
    }

    private final ClassDirectory classes;

    LineValidator(ClassDirectory classes) {
        this.classes = classes;
    }

    ValidatedRoster validate(RosterFile file, ProgressListener progress) {
        List<ValidLine> valid = new ArrayList<>();
        List<LineError> errors = new ArrayList<>(file.errors());
        List<LineError> warnings = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Set<Long> covered = new HashSet<>();
        Set<String> withErrors = new HashSet<>();
        Map<String, FirstStudent> students = new LinkedHashMap<>();
        Map<String, FirstGuardian> guardians = new HashMap<>();
        Map<String, String> emails = new HashMap<>();
        Map<String, Integer> pairs = new HashMap<>();
        Set<String> withGuardian = new HashSet<>();

        int done = 0;
        for (RosterLine line : file.lines()) {
            List<LineError> problems = new ArrayList<>();
            Unit schoolClass = checkClass(line, problems);
            if (schoolClass != null) {
                covered.add(schoolClass.id());
            }
            checkStudent(line, problems);
            if (line.studentNo() != null) {
                listed.add(line.studentNo());
            }
            MobileNumber mobile = null;
            String relation = null;
            if (line.hasGuardian()) {
                mobile = checkGuardian(line, problems);
                relation = line.relation() == null ? DEFAULT_RELATION : line.relation();
            }
            if (problems.isEmpty()) {
                checkAgainstEarlierLines(line, schoolClass, mobile, students, guardians, emails, problems);
            }
            if (!problems.isEmpty()) {
                errors.addAll(problems);
                if (line.studentNo() != null) {
                    withErrors.add(line.studentNo());
                }
            } else if (mobile != null && pairs.putIfAbsent(line.studentNo() + "|" + mobile.e164(), line.lineNo()) != null) {
                warnings.add(new LineError(line.lineNo(), RosterColumn.MOBILE.key, "与第 "
                        + pairs.get(line.studentNo() + "|" + mobile.e164()) + " 行是同一学生的同一家长，本行已忽略"));
            } else {
                students.putIfAbsent(line.studentNo(), new FirstStudent(line.lineNo(), line.studentName(), schoolClass));
                if (mobile != null) {
                    guardians.putIfAbsent(mobile.e164(), new FirstGuardian(line.lineNo(), line.guardianName()));
                    emails.merge(mobile.e164(), line.email() == null ? "" : line.email(),
                            (before, now) -> before.isEmpty() ? now : before);
                    withGuardian.add(line.studentNo());
                }
                valid.add(new ValidLine(line, schoolClass, mobile, relation));
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.progress("validate", done, file.lines().size());
            }
        }
        progress.progress("validate", done, file.lines().size());

        if (file.hasGuardianColumns()) {
            students.forEach((no, first) -> {
                if (!withGuardian.contains(no) && !withErrors.contains(no)) {
                    warnings.add(new LineError(first.lineNo(), RosterColumn.GUARDIAN_NAME.key,
                            "学生“" + first.name() + "”（学号 " + no + "）没有家长信息"));
                }
            });
        }
        Map<String, String> emailByMobile = new HashMap<>();
        emails.forEach((mobile, email) -> emailByMobile.put(mobile, email.isEmpty() ? null : email));
        return new ValidatedRoster(valid, byLine(errors), byLine(warnings), listed, covered, withErrors,
                emailByMobile, file.hasGuardianColumns(), file.hasEmailColumn());
    }

    private Unit checkClass(RosterLine line, List<LineError> problems) {
        if (line.classRef() == null) {
            problems.add(error(line, RosterColumn.CLASS, "班级不能为空"));
            return null;
        }
        ClassDirectory.Resolution resolution = classes.resolve(line.classRef());
        if (resolution.error() != null) {
            problems.add(error(line, RosterColumn.CLASS, resolution.error()));
        }
        return resolution.unit();
    }

    private static void checkStudent(RosterLine line, List<LineError> problems) {
        if (line.studentNo() == null) {
            problems.add(error(line, RosterColumn.STUDENT_NO, "学号不能为空"));
        } else if (line.studentNo().length() > MAX_STUDENT_NO) {
            problems.add(error(line, RosterColumn.STUDENT_NO, "学号过长（最多 " + MAX_STUDENT_NO + " 个字符）"));
        }
        if (line.studentName() == null) {
            problems.add(error(line, RosterColumn.STUDENT_NAME, "学生姓名不能为空"));
        } else if (line.studentName().length() > MAX_NAME) {
            problems.add(error(line, RosterColumn.STUDENT_NAME, "学生姓名过长（最多 " + MAX_NAME + " 个字）"));
        }
    }

    private static MobileNumber checkGuardian(RosterLine line, List<LineError> problems) {
        MobileNumber mobile = null;
        if (line.mobile() == null) {
            problems.add(error(line, RosterColumn.MOBILE, "家长手机号不能为空"));
        } else {
            mobile = MobileNumber.parse(line.mobile()).orElse(null);
            if (mobile == null) {
                // The value is not echoed: it may be a real number with one digit too many.
                problems.add(error(line, RosterColumn.MOBILE, "手机号格式不正确，应为中国大陆 11 位手机号"));
            }
        }
        if (line.guardianName() == null) {
            problems.add(error(line, RosterColumn.GUARDIAN_NAME, "家长姓名不能为空"));
        } else if (line.guardianName().length() > MAX_NAME) {
            problems.add(error(line, RosterColumn.GUARDIAN_NAME, "家长姓名过长（最多 " + MAX_NAME + " 个字）"));
        }
        if (line.relation() != null && line.relation().length() > MAX_RELATION) {
            problems.add(error(line, RosterColumn.RELATION, "关系过长（最多 " + MAX_RELATION + " 个字）"));
        }
        if (line.email() != null && (line.email().length() > MAX_EMAIL || !EMAIL.matcher(line.email()).matches())) {
            problems.add(error(line, RosterColumn.EMAIL, "邮箱格式不正确"));
        }
        return mobile;
    }

    private static void checkAgainstEarlierLines(RosterLine line, Unit schoolClass, MobileNumber mobile,
            Map<String, FirstStudent> students, Map<String, FirstGuardian> guardians, Map<String, String> emails,
            List<LineError> problems) {
        FirstStudent student = students.get(line.studentNo());
        if (student != null && (!student.name().equals(line.studentName())
                || student.schoolClass().id() != schoolClass.id())) {
            problems.add(error(line, RosterColumn.STUDENT_NO, "学号重复：学号 " + line.studentNo() + " 在第 "
                    + student.lineNo() + " 行是" + student.schoolClass().name() + "的“" + student.name()
                    + "”，与本行不一致"));
        }
        if (mobile == null) {
            return;
        }
        FirstGuardian guardian = guardians.get(mobile.e164());
        if (guardian != null && !guardian.name().equals(line.guardianName())) {
            problems.add(error(line, RosterColumn.GUARDIAN_NAME, "手机号 " + mobile.masked() + " 在第 "
                    + guardian.lineNo() + " 行登记的家长是“" + guardian.name() + "”，与本行“" + line.guardianName()
                    + "”不一致（一个手机号只能对应一位家长）"));
        }
        String email = emails.get(mobile.e164());
        if (email != null && !email.isEmpty() && line.email() != null
                && !email.toLowerCase(Locale.ROOT).equals(line.email().toLowerCase(Locale.ROOT))) {
            problems.add(error(line, RosterColumn.EMAIL, "手机号 " + mobile.masked() + " 的家长在前面的行中填写了不同的邮箱"));
        }
    }

    private static LineError error(RosterLine line, RosterColumn column, String reason) {
        return new LineError(line.lineNo(), column.key, reason);
    }

    private static List<LineError> byLine(List<LineError> errors) {
        return errors.stream().sorted(Comparator.comparingInt(LineError::lineNo)).toList();
    }
}
