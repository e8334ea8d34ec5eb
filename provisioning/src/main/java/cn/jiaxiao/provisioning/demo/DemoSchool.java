package cn.jiaxiao.provisioning.demo;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.people.RosterWriter;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The demo school 示范中学, seeded into an empty database so that a new user can try every feature at once.
 * Deterministic: the same names and numbers every time, so the README's examples stay true.
 *
 * <p>Guardians' mobile numbers are 1380000xxxx in order of creation; staff numbers are 1390000xxxx.
 * The first students of 7-1 and 7-2 have a sibling in 8-1 with the same guardians.
 */
public final class DemoSchool {

    public static final String PASSWORD = "jiaxiao-demo";
    public static final String SIGNATURE = "示范中学";
    public static final int STUDENTS_PER_CLASS = 40;

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "子涵欣怡梓轩浩然雨桐一诺宇轩思远佳琪俊杰诗涵博文梦瑶晨曦嘉怡志强晓明文静天佑雅婷明轩若曦";
    private static final int SIBLINGS_FROM_EACH_GRADE7_CLASS = 3;

    private final UnitRepository units;
    private final StaffAccountRepository accounts;
    private final RosterWriter roster;
    private final UnaryOperator<String> passwordHasher;
    private final Random random = new Random(71);
    private int guardianSeq;
    private int staffSeq;

    public DemoSchool(UnitRepository units, StaffAccountRepository accounts, RosterWriter roster,
            UnaryOperator<String> passwordHasher) {
        this.units = units;
        this.accounts = accounts;
        this.roster = roster;
        this.passwordHasher = passwordHasher;
    }

    /** Seeds the school when the database holds no unit yet; returns whether it did. */
    public boolean seedIfEmpty() {
        if (!units.isEmpty()) {
            return false;
        }
        Unit school = units.create("school", "示范中学", UnitKind.SCHOOL, null);
        Unit office = units.create("office", "校办室", UnitKind.OFFICE, school);
        Unit affairs = units.create("affairs", "学生处", UnitKind.OFFICE, school);
        Unit logistics = units.create("logistics", "总务处", UnitKind.DEPARTMENT, school);
        Unit g7 = units.create("g7", "七年级", UnitKind.GRADE, school);
        Unit g8 = units.create("g8", "八年级", UnitKind.GRADE, school);
        Unit c71 = units.create("7-1", "七年级1班", UnitKind.CLASS, g7);
        Unit c72 = units.create("7-2", "七年级2班", UnitKind.CLASS, g7);
        Unit c81 = units.create("8-1", "八年级1班", UnitKind.CLASS, g8);

        List<long[]> grade7Families = new ArrayList<>();
        grade7Families.addAll(seedClass(c71, "20250701", List.of()));
        grade7Families.addAll(seedClass(c72, "20250702", List.of()));
        List<long[]> siblings = new ArrayList<>();
        siblings.addAll(grade7Families.subList(0, SIBLINGS_FROM_EACH_GRADE7_CLASS));
        siblings.addAll(grade7Families.subList(STUDENTS_PER_CLASS, STUDENTS_PER_CLASS + SIBLINGS_FROM_EACH_GRADE7_CLASS));
        seedClass(c81, "20240801", siblings);

        staff("principal", "陈校长", office, school, Role.PRINCIPAL);
        staff("office", "校办室李老师", office, school, Role.OFFICE_SENDER);
        staff("affairs", "学生处王处长", affairs, school, Role.STUDENT_AFFAIRS_HEAD, Role.ACCOUNT_MANAGER);
        staff("grade7", "七年级赵主任", g7, g7, Role.GRADE_LEADER, Role.ACCOUNT_MANAGER);
        staff("grade7work", "七年级德育钱主任", g7, g7, Role.STUDENT_WORK_LEADER);
        staff("teacher71", "七(1)班刘老师", c71, c71, Role.HEAD_TEACHER);
        staff("teacher72", "七(2)班周老师", c72, c72, Role.HEAD_TEACHER);
        long math7 = staff("math7", "数学吴老师", g7, c71, Role.SUBJECT_TEACHER);
        accounts.grant(math7, Role.SUBJECT_TEACHER, c72);
        staff("logistics", "总务处孙老师", logistics, logistics, Role.DEPARTMENT_SENDER);
        staff("logisticshead", "总务处郑主任", logistics, logistics, Role.DEPARTMENT_HEAD);
        return true;
    }

    /**
     * Forty students; each has one or two guardians. The first students of {@code siblingsOf} families
     * join this class as younger siblings: same surname, same guardians.
     *
     * @return per student, the ids of its guardians
     */
    private List<long[]> seedClass(Unit schoolClass, String numberPrefix, List<long[]> siblingsOf) {
        List<long[]> families = new ArrayList<>();
        for (int i = 1; i <= STUDENTS_PER_CLASS; i++) {
            String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
            String studentNo = numberPrefix + String.format("%02d", i);
            long[] guardians;
            if (i <= siblingsOf.size()) {
                guardians = siblingsOf.get(i - 1);
                long studentId = roster.addStudent(schoolClass, studentNo, givenNameFor(surname));
                for (long g : guardians) {
                    roster.link(g, studentId, g == guardians[0] ? "父亲" : "母亲");
                }
            } else {
                long studentId = roster.addStudent(schoolClass, studentNo, givenNameFor(surname));
                boolean twoGuardians = random.nextInt(10) < 6;
                long father = guardian(surname + given(1) + given(1));
                roster.link(father, studentId, "父亲");
                if (twoGuardians) {
                    String motherSurname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
                    long mother = guardian(motherSurname + given(1) + given(1));
                    roster.link(mother, studentId, "母亲");
                    guardians = new long[] {father, mother};
                } else {
                    guardians = new long[] {father};
                }
            }
            families.add(guardians);
        }
        return families;
    }

    private String givenNameFor(String surname) {
        return surname + given(2);
    }

    private String given(int length) {
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private long guardian(String name) {
        guardianSeq++;
        MobileNumber mobile = MobileNumber.parse(String.format("1380000%04d", guardianSeq)).orElseThrow();
        // Most guardians give an e-mail address too; a few only a phone.
        String email = guardianSeq % 5 == 0 ? null : String.format("parent%04d@example.com", guardianSeq);
        return roster.addGuardian(name, mobile, email);
    }

    private long staff(String username, String displayName, Unit home, Unit scope, Role... roles) {
        staffSeq++;
        MobileNumber mobile = MobileNumber.parse(String.format("1390000%04d", staffSeq)).orElseThrow();
        long id = accounts.create(username, displayName, home, passwordHasher.apply(PASSWORD), mobile);
        for (Role role : roles) {
            accounts.grant(id, role, scope);
        }
        return id;
    }
}
