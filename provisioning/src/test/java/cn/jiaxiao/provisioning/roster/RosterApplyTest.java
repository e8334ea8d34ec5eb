package cn.jiaxiao.provisioning.roster;

import static cn.jiaxiao.provisioning.roster.RosterFixtures.counts;
import static cn.jiaxiao.provisioning.roster.RosterFixtures.csv;
import static cn.jiaxiao.provisioning.roster.RosterFixtures.export;
import static cn.jiaxiao.provisioning.roster.RosterFixtures.lastWrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.provisioning.unit.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real imports into one demo school (seeding a school per test costs seconds). Each test starts from an
 * export of the current state and touches its own students and numbers, so the order doesn't matter.
 */
class RosterApplyTest {

    private static TestSchool school;
    private static RosterImporter importer;
    private static Unit wholeSchool;

    @BeforeAll
    static void seed() {
        school = new TestSchool();
        importer = RosterFixtures.importer(school);
        wholeSchool = school.units.findByCode("school").orElseThrow();
    }

    @Test
    void applyingTheSameFileTwiceChangesNothingTheSecondTime() {
        List<String> lines = new ArrayList<>(export(school, "7-1", "7-2", "8-1"));
        lines.add("8-1,2024089901,新同学甲,新家长甲,父亲,13812340001,jia@example.com");
        lines.add("8-1,2024089901,新同学甲,新家长乙,母亲,13812340002,");
        // A younger sibling: his father is already a guardian in the school, known by his number.
        lines.add("8-1,2024089902,新同学乙,新家长甲,父亲,13812340001,");
        RosterFile file = csv(lines);

        ImportPlan first = importer.apply(file, wholeSchool, ProgressListener.NONE);

        assertThat(first.studentsAdded().total()).isEqualTo(2);
        assertThat(first.guardiansAdded().total()).isEqualTo(2);
        assertThat(first.linksAdded().total()).isEqualTo(3);
        assertThat(first.studentsRemoved().total() + first.studentsChanged().total()
                + first.guardiansChanged().total() + first.linksRemoved().total()).isZero();
        assertThat(guardiansWithMobile(school, "+8613812340001")).isEqualTo(1);

        List<Integer> rows = counts(school);
        long written = lastWrite(school);
        assertThat(importer.plan(file, wholeSchool).isEmpty()).isTrue();
        ImportPlan second = importer.apply(file, wholeSchool, ProgressListener.NONE);
        assertThat(second.isEmpty()).isTrue();
        assertThat(counts(school)).isEqualTo(rows);
        assertThat(lastWrite(school)).isEqualTo(written);
    }

    @Test
    void aNewMobileAMovedStudentARemovedStudentAndARenamedGuardianShowInThePlanAndLand() {
        List<String> lines = new ArrayList<>(export(school, "7-1", "7-2"));
        String oldMobile = mobileOf(lines, "2025070110");
        String renamedMobile = mobileOf(lines, "2025070113");
        List<String> changed = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(",2025070110,") && line.contains(oldMobile)) {
                line = line.replace(oldMobile, "13712345678");
            } else if (line.contains(",2025070111,")) {
                line = line.replaceFirst("^7-1,", "7-2,");
            } else if (line.contains(",2025070112,")) {
                continue;
            } else if (line.contains(",2025070113,") && line.contains(renamedMobile)) {
                String[] cells = line.split(",", -1);
                cells[3] = "改名的家长";
                cells[6] = "renamed@example.com";
                line = String.join(",", cells);
            }
            changed.add(line);
        }
        RosterFile file = csv(changed);

        ImportPlan plan = importer.plan(file, wholeSchool);

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.guardiansAdded().items()).extracting(ImportPlan.GuardianItem::mobile)
                .containsExactly("137****5678");
        assertThat(plan.linksAdded().items()).extracting(ImportPlan.LinkItem::studentNo, ImportPlan.LinkItem::mobile)
                .containsExactly(tuple("2025070110", "137****5678"));
        assertThat(plan.linksRemoved().items()).extracting(ImportPlan.LinkItem::studentNo, ImportPlan.LinkItem::mobile)
                .containsExactly(tuple("2025070110", MobileNumberMask.of(oldMobile)));
        assertThat(plan.studentsChanged().items()).singleElement().satisfies(s -> {
            assertThat(s.studentNo()).isEqualTo("2025070111");
            assertThat(s.classBefore()).isEqualTo("7-1");
            assertThat(s.classAfter()).isEqualTo("7-2");
        });
        assertThat(plan.studentsRemoved().items()).extracting(ImportPlan.StudentItem::studentNo)
                .containsExactly("2025070112");
        assertThat(plan.guardiansChanged().items()).singleElement().satisfies(g -> {
            assertThat(g.mobile()).isEqualTo(MobileNumberMask.of(renamedMobile));
            assertThat(g.nameAfter()).isEqualTo("改名的家长");
            assertThat(g.emailAfter()).isEqualTo("r***@example.com");
        });
        int guardians = RosterFixtures.count(school, "guardian");

        importer.apply(file, wholeSchool, ProgressListener.NONE);

        assertThat(school.jdbc.queryForObject("""
                select c.code from student s join unit c on c.id = s.class_id where s.student_no = '2025070111'""",
                Map.of(), String.class)).isEqualTo("7-2");
        assertThat(school.jdbc.queryForObject("select count(*) from student where student_no = '2025070112'",
                Map.of(), Integer.class)).isZero();
        assertThat(guardianMobilesOf("2025070110")).contains("+8613712345678").doesNotContain("+86" + oldMobile);
        assertThat(guardianName(school, "+86" + renamedMobile)).isEqualTo("改名的家长");
        // The old guardian is kept: message archives point at him.
        assertThat(RosterFixtures.count(school, "guardian")).isEqualTo(guardians + 1);
        assertThat(school.cipher.decrypt(school.jdbc.queryForObject(
                "select email_enc from guardian where mobile_hash = :h",
                Map.of("h", school.cipher.lookupHash("+86" + renamedMobile)), byte[].class)))
                .isEqualTo("renamed@example.com");
        assertThat(importer.plan(file, wholeSchool).isEmpty()).isTrue();
    }

    @Test
    void oneBadLineAndNothingIsApplied() {
        List<Integer> rows = counts(school);
        long written = lastWrite(school);
        RosterFile file = csv(RosterFixtures.CHINESE_HEADER,
                "8-1,2024088801,新同学甲,新家长甲,父亲,13812348801,",
                "8-1,2024088802,新同学乙,新家长乙,父亲,13812348802,",
                "8-1,2024088803,新同学丙,新家长丙,父亲,1381234880,");

        assertThatThrownBy(() -> importer.apply(file, wholeSchool, ProgressListener.NONE))
                .isInstanceOfSatisfying(RosterRejectedException.class, rejected -> {
                    assertThat(rejected.plan().errors()).extracting(LineError::lineNo, LineError::field)
                            .containsExactly(tuple(4, "mobile"));
                    assertThat(rejected.plan().studentsAdded().total()).isEqualTo(2);
                    assertThat(rejected.getMessage()).doesNotContain("1381234880");
                });
        assertThat(counts(school)).isEqualTo(rows);
        assertThat(lastWrite(school)).isEqualTo(written);
    }

    @Test
    void aGradeLevelImportLeavesTheOtherGradeAlone() {
        Unit grade7 = school.units.findByCode("g7").orElseThrow();
        List<String> eightOne = export(school, "8-1");
        List<String> lines = new ArrayList<>(export(school, "7-1"));
        lines.add(eightOne.get(1).replaceFirst(",[^,]*,", ",改名,").replaceFirst("^8-1,\\d+,", "8-1,2024080101,"));

        assertThatThrownBy(() -> importer.apply(csv(lines), grade7, ProgressListener.NONE))
                .isInstanceOf(RosterRejectedException.class);

        lines.remove(lines.size() - 1);
        lines.removeIf(line -> line.contains(",2025070101,"));
        ImportPlan applied = importer.apply(csv(lines), grade7, ProgressListener.NONE);
        assertThat(applied.studentsRemoved().total()).isEqualTo(1);
        assertThat(export(school, "8-1")).isEqualTo(eightOne);
    }

    @Test
    void contactPointsAreEncryptedAtRestAndFoundByTheirLookupHash() {
        importer.apply(csv(RosterFixtures.ENGLISH_HEADER,
                "8-1,2024087701,新同学,加密的家长,父亲,139 1234 5678,secret.parent@example.com"),
                wholeSchool, ProgressListener.NONE);

        Map<String, Object> row = school.jdbc.queryForMap(
                "select name, mobile_enc, email_enc from guardian where mobile_hash = :h",
                Map.of("h", school.cipher.lookupHash("+8613912345678")));
        assertThat(row.get("name")).isEqualTo("加密的家长");
        String stored = new String((byte[]) row.get("mobile_enc"), StandardCharsets.ISO_8859_1)
                + new String((byte[]) row.get("email_enc"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("12345678").doesNotContain("secret.parent");
        assertThat(school.cipher.decrypt((byte[]) row.get("mobile_enc"))).isEqualTo("+8613912345678");
        assertThat(school.cipher.decrypt((byte[]) row.get("email_enc"))).isEqualTo("secret.parent@example.com");
    }

    @Test
    void importsAnXlsxAndReportsProgress() {
        byte[] book = RosterFixtures.xlsx(List.of(
                List.of("班级", "学号", "学生姓名", "家长姓名", "关系", "手机号"),
                List.of("八年级1班", 2024086601L, "表格同学", "表格家长", "母亲", 13612345678L)));
        List<String> phases = new CopyOnWriteArrayList<>();

        ImportPlan plan = importer.apply(RosterFixtures.parse("名单.xlsx", book), wholeSchool,
                (phase, done, total) -> phases.add(phase + " " + done + "/" + total));

        assertThat(plan.linksAdded().items()).singleElement()
                .isEqualTo(new ImportPlan.LinkItem("2024086601", "表格同学", "表格家长", "136****5678", "母亲"));
        assertThat(guardianName(school, "+8613612345678")).isEqualTo("表格家长");
        assertThat(phases).contains("validate 1/1", "plan 3/3", "students 1/1", "guardians 1/1", "links 1/1");
    }

    private static List<String> guardianMobilesOf(String studentNo) {
        return school.jdbc.queryForList("""
                select g.mobile_enc from guardian g join guardian_student gs on gs.guardian_id = g.id
                join student s on s.id = gs.student_id where s.student_no = :no""", Map.of("no", studentNo),
                byte[].class).stream().map(school.cipher::decrypt).toList();
    }

    private static String guardianName(TestSchool school, String e164) {
        return school.jdbc.queryForObject("select name from guardian where mobile_hash = :h",
                Map.of("h", school.cipher.lookupHash(e164)), String.class);
    }

    private static int guardiansWithMobile(TestSchool school, String e164) {
        return school.jdbc.queryForObject("select count(*) from guardian where mobile_hash = :h",
                Map.of("h", school.cipher.lookupHash(e164)), Integer.class);
    }

    /** The national number on a student's first exported line. */
    private static String mobileOf(List<String> lines, String studentNo) {
        return lines.stream().filter(line -> line.contains("," + studentNo + ",")).findFirst().orElseThrow()
                .split(",", -1)[5];
    }

    private static final class MobileNumberMask {
        static String of(String national) {
            return cn.jiaxiao.provisioning.contact.MobileNumber.mask(national);
        }
    }
}
