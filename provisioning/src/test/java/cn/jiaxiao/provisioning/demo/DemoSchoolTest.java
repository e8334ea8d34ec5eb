package cn.jiaxiao.provisioning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.RosterWriter;
import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoSchoolTest {

    private static TestSchool school;

    @BeforeAll
    static void seed() {
        school = new TestSchool();
    }

    @Test
    void seedsTheTreeWithThreeClassesOfFortyStudents() {
        Unit c71 = school.units.findByCode("7-1").orElseThrow();
        Unit g7 = school.units.findByCode("g7").orElseThrow();
        assertThat(g7.contains(c71)).isTrue();
        assertThat(school.units.findByCode("8-1").orElseThrow().path()).doesNotStartWith(g7.path());
        Integer students = school.jdbc.queryForObject("select count(*) from student", Map.of(), Integer.class);
        assertThat(students).isEqualTo(3 * DemoSchool.STUDENTS_PER_CLASS);
    }

    @Test
    void seedsOnlyOnce() {
        DemoSchool again = new DemoSchool(school.units, school.accounts, new RosterWriter(school.jdbc, school.cipher),
                p -> p);
        assertThat(again.seedIfEmpty()).isFalse();
    }

    @Test
    void everyStudentHasAGuardianWithAMobileNumber() {
        Integer orphans = school.jdbc.queryForObject("""
                select count(*) from student s where not exists (
                  select 1 from guardian_student gs join guardian g on g.id = gs.guardian_id
                  where gs.student_id = s.id and g.mobile_enc is not null)""", Map.of(), Integer.class);
        assertThat(orphans).isZero();
    }

    @Test
    void aGuardianOfTwoAudienceChildrenIsReachedOnceNamingBoth() {
        long c71 = school.units.findByCode("7-1").orElseThrow().id();
        long c81 = school.units.findByCode("8-1").orElseThrow().id();
        List<GuardianContact> both = school.guardians.guardiansOfClasses(List.of(c71, c81));
        assertThat(both).extracting(GuardianContact::guardianId).doesNotHaveDuplicates();
        assertThat(both).anySatisfy(g -> assertThat(g.children()).extracting(c -> c.classCode())
                .containsExactly("7-1", "8-1"));
        assertThat(both.get(0).mobile().national()).matches("1380000\\d{4}");
    }

    @Test
    void contactPointsAreStoredEncrypted() {
        byte[] stored = school.jdbc.queryForObject("select mobile_enc from guardian order by id limit 1", Map.of(),
                byte[].class);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("1380000");
        assertThat(school.cipher.decrypt(stored)).isEqualTo("+8613800000001");
    }

    @Test
    void demoAccountsHoldTheirRoles() {
        StaffAccount teacher = school.accounts.findByUsername("teacher71").orElseThrow();
        Unit c71 = school.units.findByCode("7-1").orElseThrow();
        assertThat(teacher.holds(Role.HEAD_TEACHER, c71)).isTrue();
        assertThat(teacher.holds(Role.HEAD_TEACHER, school.units.findByCode("7-2").orElseThrow())).isFalse();
        StaffAccount grade7 = school.accounts.findByUsername("grade7").orElseThrow();
        assertThat(grade7.holds(Role.GRADE_LEADER, c71)).isTrue();
        assertThat(school.accounts.findByUsername("math7").orElseThrow().roles()).hasSize(2);
        assertThat(school.accounts.findHolders(Role.GRADE_LEADER, school.units.findByCode("g7").orElseThrow()))
                .extracting(StaffAccount::username).containsExactly("grade7");
    }
}
